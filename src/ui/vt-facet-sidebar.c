/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The filter sidebar: impact, year and price ranges and a section of values per facet, with counts. */

#define G_LOG_DOMAIN "vitrine-sidebar"

#include "config.h"

#include "vt-facet-sidebar.h"

#include "vt-accessible.h"
#include "vt-facets.h"
#include "vt-field.h"
#include "vt-query-model.h"
#include "vt-text.h"
#include "vt-tooltip.h"

#include <glib/gi18n.h>
#include <stdlib.h>

/*
 * The sidebar edits the shared VtQuery and shows it back. The counts are
 * the VtQueryModel's, made in the same pass as the pieces the grid shows
 * (in a worker, for a large collection): each result the model applies
 * after a change of the query (from here, from the search entry, from a
 * chip above the grid) or a new load of the items schedules one update,
 * which sets the counts in place and, when a section lists other values,
 * keeps the rows of the values it still lists (place_rows ()), so
 * keyboard focus stays where it was while clicking through values. A
 * value whose count is 0 is dimmed, never hidden.
 *
 * The update waits for the frame that shows the result to be drawn and
 * runs at the start of the next one: a result that changes the grid
 * costs that frame the grid's cells, and the counts (a label, an
 * accessible name and a style class per row, then the rows laid out
 * again) would add theirs to it.
 */

typedef struct
{
  VtFacetSidebar *sidebar;
  VtFacetKey      key;
  char           *value;
  GtkCheckButton *check;
  GtkLabel       *label;
  GtkLabel       *count_label;
  int             count;
} FacetRow;

typedef struct
{
  GtkExpander *expander;
  GtkBox      *box;
  GtkButton   *more_button;
  GPtrArray   *rows;
  /* How many values the section lists at most (the most frequent,
   * and every selected one). */
  guint        limit;
} FacetSection;

/* Values listed at first in a section, and how many more each press of
 * "Show More" adds: a collection with thousands of countries or artists
 * must not turn the sidebar into thousands of check buttons. */
#define FACET_FIRST_LIMIT 25
#define FACET_MORE_STEP   100

struct _VtFacetSidebar
{
  GtkWidget     parent_instance;

  VtQueryModel *model;
  VtQuery      *query;        /* the model's */
  GListModel   *items;        /* the model's */
  /* The update waiting: in an idle while the sidebar has no frame
   * clock, else in a tick callback for the frame after @recount_frame. */
  guint         recount_source;
  guint         recount_tick;
  gint64        recount_frame;
  gboolean      updating;
  /* The review and problems sections are for curators. */
  gboolean      curating;
  FacetSection  sections[VT_N_FACETS];

  /* Template children */
  GtkLabel      *impact_heading;
  GtkSpinButton *impact_min;
  GtkSpinButton *impact_max;
  GtkLabel      *year_heading;
  GtkSpinButton *year_min;
  GtkSpinButton *year_max;
  GtkLabel      *price_heading;
  GtkEntry      *price_min;
  GtkEntry      *price_max;
  GtkLabel      *currency_label;
  GtkBox        *facets_box;
  GtkButton     *clear_button;
};

G_DEFINE_FINAL_TYPE (VtFacetSidebar, vt_facet_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_recount (VtFacetSidebar *self);

static void
facet_row_free (gpointer data)
{
  FacetRow *row = data;

  g_free (row->value);
  g_free (row);
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     FacetRow       *row)
{
  VtFacetSidebar *self = row->sidebar;

  if (self->updating)
    return;

  vt_query_set_facet_selected (self->query, row->key, row->value,
                               gtk_check_button_get_active (check));
}

static void
update_row (FacetRow           *row,
            const VtFacetCount *count)
{
  g_autofree char *count_text = NULL;
  g_autofree char *accessible = NULL;

  if (row->count != (int) count->count)
    {
      g_autofree char *cut = NULL;

      row->count = count->count;
      count_text = g_strdup_printf ("%'u", count->count);
      gtk_label_set_text (row->count_label, count_text);
      accessible = g_strdup_printf (ngettext ("%s, %'u piece", "%s, %'u pieces", count->count),
                                    vt_text_bound (vt_facet_value_get_label (row->key, count->value),
                                                   VT_TEXT_BOUND_LINE, &cut),
                                    count->count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }

  if (gtk_check_button_get_active (row->check) != count->selected)
    gtk_check_button_set_active (row->check, count->selected);

  if (count->count == 0 && !count->selected)
    gtk_widget_add_css_class (GTK_WIDGET (row->check), "vt-zero");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->check), "vt-zero");
}

/* The row shows @value from now on; its count, check and accessible
 * name follow at the next update_row (). */
static void
facet_row_set_value (FacetRow   *row,
                     const char *value)
{
  const char *text = vt_facet_value_get_label (row->key, value);
  g_autofree char *cut = NULL;

  g_free (row->value);
  row->value = g_strdup (value);
  row->count = -1;
  gtk_label_set_text (row->label, vt_text_bound (text, VT_TEXT_BOUND_LINE, &cut));
  vt_widget_set_tooltip (GTK_WIDGET (row->label), text);
}

static FacetRow *
facet_row_new (VtFacetSidebar *self,
               VtFacetKey      key,
               const char     *value)
{
  FacetRow *row = g_new0 (FacetRow, 1);
  GtkWidget *box;

  row->sidebar = self;
  row->key = key;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  row->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->label, 0);
  gtk_label_set_ellipsize (row->label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (row->label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->label));
  facet_row_set_value (row, value);

  row->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (row->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->count_label), "vt-facet-count");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->count_label));

  row->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_child (row->check, box);
  gtk_widget_add_css_class (GTK_WIDGET (row->check), "vt-facet-value");
  g_signal_connect (row->check, "toggled", G_CALLBACK (on_check_toggled_cb), row);

  return row;
}

static gboolean
section_has_values (FacetSection              *section,
                    const VtFacetCount *const *shown,
                    guint                      n_shown)
{
  if (section->rows->len != n_shown)
    return FALSE;

  for (guint i = 0; i < n_shown; i++)
    {
      FacetRow *row = g_ptr_array_index (section->rows, i);

      if (g_strcmp0 (row->value, shown[i]->value) != 0)
        return FALSE;
    }

  return TRUE;
}

static int
compare_by_count (gconstpointer a,
                  gconstpointer b)
{
  const VtFacetCount *x = *(const VtFacetCount **) a;
  const VtFacetCount *y = *(const VtFacetCount **) b;

  if (x->selected != y->selected)
    return x->selected ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return x < y ? -1 : x > y;
}

static int
compare_by_place (gconstpointer a,
                  gconstpointer b)
{
  const VtFacetCount *x = *(const VtFacetCount **) a;
  const VtFacetCount *y = *(const VtFacetCount **) b;

  return x < y ? -1 : x > y;
}

static void
on_more_clicked_cb (VtFacetSidebar *self,
                    GtkButton      *button)
{
  for (guint key = 0; key < VT_N_FACETS; key++)
    if (self->sections[key].more_button == button)
      {
        self->sections[key].limit += FACET_MORE_STEP;
        queue_recount (self);
        return;
      }
}

/*
 * Gives the section one row per value shown, in their order. A row whose
 * value is still shown stays where the keyboard focus may be; a value
 * newly shown takes a row no longer needed before a row is built; rows
 * left over go. (Building and destroying the rows was most of what an
 * update cost whenever a long section's most frequent values changed.)
 */
static void
place_rows (VtFacetSidebar            *self,
            VtFacetKey                 key,
            const VtFacetCount *const *shown,
            guint                      n_shown)
{
  FacetSection *section = &self->sections[key];
  g_autoptr(GHashTable) unused = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n_shown, facet_row_free);
  GHashTableIter iter;
  GtkWidget *previous = NULL;
  FacetRow *row;

  for (guint i = 0; i < section->rows->len; i++)
    {
      row = g_ptr_array_index (section->rows, i);
      g_hash_table_insert (unused, row->value, row);
    }
  for (guint i = 0; i < n_shown; i++)
    {
      row = g_hash_table_lookup (unused, shown[i]->value);
      if (row != NULL)
        g_hash_table_remove (unused, shown[i]->value);
      g_ptr_array_add (rows, row);
    }

  /* The focused row of a value no longer listed goes with it: relabelled,
   * it would say another value where the focus was. */
  g_hash_table_iter_init (&iter, unused);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    if (gtk_widget_has_focus (GTK_WIDGET (row->check)))
      {
        g_hash_table_iter_remove (&iter);
        gtk_box_remove (section->box, GTK_WIDGET (row->check));
        facet_row_free (row);
        break;
      }

  g_hash_table_iter_init (&iter, unused);
  for (guint i = 0; i < n_shown; i++)
    {
      row = g_ptr_array_index (rows, i);
      if (row == NULL && g_hash_table_size (unused) > 0)
        {
          g_hash_table_iter_next (&iter, NULL, (gpointer *) &row);
          g_hash_table_iter_steal (&iter);
          facet_row_set_value (row, shown[i]->value);
        }
      else if (row == NULL)
        row = facet_row_new (self, key, shown[i]->value);
      g_ptr_array_index (rows, i) = row;
      if (gtk_widget_get_parent (GTK_WIDGET (row->check)) == NULL)
        gtk_box_insert_child_after (section->box, GTK_WIDGET (row->check), previous);
      else
        gtk_box_reorder_child_after (section->box, GTK_WIDGET (row->check), previous);
      previous = GTK_WIDGET (row->check);
    }
  if (section->more_button != NULL)
    gtk_box_reorder_child_after (section->box, GTK_WIDGET (section->more_button), previous);

  /* The rows no value took. */
  g_hash_table_iter_init (&iter, unused);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      gtk_box_remove (section->box, GTK_WIDGET (row->check));
      facet_row_free (row);
    }
  g_ptr_array_set_free_func (section->rows, NULL);
  g_ptr_array_unref (section->rows);
  section->rows = g_steal_pointer (&rows);
}

static void
update_section (VtFacetSidebar     *self,
                VtFacetKey          key,
                const VtFacetCount *counts,
                guint               n_counts)
{
  FacetSection *section = &self->sections[key];
  g_autoptr(GPtrArray) shown = g_ptr_array_sized_new (n_counts);
  guint hidden = 0;

  for (guint i = 0; i < n_counts; i++)
    g_ptr_array_add (shown, (gpointer) &counts[i]);

  /* Too many values: the selected ones and the most frequent, listed
   * in their usual order. */
  if (n_counts > section->limit)
    {
      g_ptr_array_sort (shown, compare_by_count);
      while (shown->len > section->limit
             && !((const VtFacetCount *) g_ptr_array_index (shown, shown->len - 1))->selected)
        g_ptr_array_remove_index (shown, shown->len - 1);
      g_ptr_array_sort (shown, compare_by_place);
      hidden = n_counts - shown->len;
    }

  if (!section_has_values (section, (const VtFacetCount *const *) shown->pdata, shown->len))
    place_rows (self, key, (const VtFacetCount *const *) shown->pdata, shown->len);

  for (guint i = 0; i < shown->len; i++)
    update_row (g_ptr_array_index (section->rows, i), g_ptr_array_index (shown, i));

  if (hidden > 0)
    {
      g_autofree char *label = NULL;

      if (section->more_button == NULL)
        {
          section->more_button = GTK_BUTTON (gtk_button_new ());
          gtk_widget_add_css_class (GTK_WIDGET (section->more_button), "flat");
          gtk_widget_set_halign (GTK_WIDGET (section->more_button), GTK_ALIGN_START);
          g_signal_connect_swapped (section->more_button, "clicked",
                                    G_CALLBACK (on_more_clicked_cb), self);
          gtk_box_append (section->box, GTK_WIDGET (section->more_button));
        }
      /* Translators: under a long list of facet values, such as countries */
      label = g_strdup_printf (ngettext ("Show More (%'u not listed)", "Show More (%'u not listed)", hidden),
                               hidden);
      gtk_button_set_label (section->more_button, label);
      vt_widget_set_tooltip (GTK_WIDGET (section->more_button), _("List more values of this filter"));
    }
  else if (section->more_button != NULL)
    {
      gtk_box_remove (section->box, GTK_WIDGET (section->more_button));
      section->more_button = NULL;
    }

  gtk_widget_set_visible (GTK_WIDGET (section->expander),
                          n_counts > 0 && (key < VT_N_FIELD_FACETS || self->curating));
}

static void
sync_ranges (VtFacetSidebar *self)
{
  GtkAdjustment *adjustment;
  int min, max;

  if (vt_query_get_int_range (self->query, VT_RANGE_IMPACT, &min, &max))
    {
      gtk_spin_button_set_value (self->impact_min, min);
      gtk_spin_button_set_value (self->impact_max, max);
    }
  else
    {
      adjustment = gtk_spin_button_get_adjustment (self->impact_min);
      gtk_spin_button_set_value (self->impact_min, gtk_adjustment_get_lower (adjustment));
      gtk_spin_button_set_value (self->impact_max, gtk_adjustment_get_upper (adjustment));
    }

  if (vt_query_get_int_range (self->query, VT_RANGE_YEAR, &min, &max))
    {
      gtk_spin_button_set_value (self->year_min, min);
      gtk_spin_button_set_value (self->year_max, max);
    }
  else
    {
      adjustment = gtk_spin_button_get_adjustment (self->year_min);
      gtk_spin_button_set_value (self->year_min, gtk_adjustment_get_lower (adjustment));
      gtk_spin_button_set_value (self->year_max, gtk_adjustment_get_upper (adjustment));
    }

  /* A chip or "Clear All" removed the price range: empty the entries,
   * but leave alone what the user is still typing. */
  if (!vt_query_get_price_range (self->query, NULL, NULL, NULL, NULL))
    {
      GtkEditable *entries[] = { GTK_EDITABLE (self->price_min), GTK_EDITABLE (self->price_max) };

      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        {
          const char *text = gtk_editable_get_text (entries[i]);
          VtPrice price;

          if (*text != '\0' && vt_price_parse (text, &price, NULL))
            gtk_editable_set_text (entries[i], "");
        }
    }
}

static void
update_bounds (VtFacetSidebar *self)
{
  GtkAdjustment *adjustments[2];
  const char *currency = NULL;
  guint n_items = g_list_model_get_n_items (self->items);
  int lowest = G_MAXINT;
  int highest = G_MININT;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (self->items, i);
      int year = vt_item_get_year (item);
      VtPrice price;

      if (year != 0)
        {
          lowest = MIN (lowest, year);
          highest = MAX (highest, year);
        }
      if (currency == NULL && vt_item_get_price (item, &price))
        currency = price.currency;
    }

  if (lowest > highest)
    {
      lowest = 0;
      highest = 0;
    }

  adjustments[0] = gtk_spin_button_get_adjustment (self->year_min);
  adjustments[1] = gtk_spin_button_get_adjustment (self->year_max);
  for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
    {
      gtk_adjustment_set_lower (adjustments[i], lowest);
      gtk_adjustment_set_upper (adjustments[i], highest);
    }

  gtk_label_set_text (self->currency_label, currency != NULL ? currency : "");

  /* Nothing to filter before a catalog is open (the years would read
   * "0 – 0"). */
  gtk_widget_set_sensitive (GTK_WIDGET (self), n_items > 0);
}

static void
recount (VtFacetSidebar *self)
{
  VtFacets *facets;

  /* Counts from before the last change would also show its check
   * buttons as they were: the model's result is on its way. */
  if (vt_query_model_get_pending (self->model))
    return;
  facets = vt_query_model_get_facets (self->model);

  self->updating = TRUE;
  for (guint key = 0; key < VT_N_FACETS; key++)
    {
      const VtFacetCount *counts;
      guint n_counts = 0;

      counts = vt_facets_get (facets, key, &n_counts);
      update_section (self, key, counts, n_counts);
    }
  sync_ranges (self);
  self->updating = FALSE;
}

static gboolean
recount_cb (gpointer user_data)
{
  VtFacetSidebar *self = user_data;

  self->recount_source = 0;
  recount (self);

  return G_SOURCE_REMOVE;
}

static gboolean
recount_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  VtFacetSidebar *self = VT_FACET_SIDEBAR (widget);

  /* (The frame that shows the result.) */
  if (gdk_frame_clock_get_frame_counter (clock) <= self->recount_frame)
    return G_SOURCE_CONTINUE;

  self->recount_tick = 0;
  recount (self);

  return G_SOURCE_REMOVE;
}

static void
queue_recount (VtFacetSidebar *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->recount_source != 0 || self->recount_tick != 0)
    return;

  if (clock == NULL)
    {
      self->recount_source = g_idle_add (recount_cb, self);
      return;
    }

  /* The next frame is the one that shows what changed. */
  self->recount_frame = gdk_frame_clock_get_frame_counter (clock) + 1;
  self->recount_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), recount_tick_cb, NULL, NULL);
}

static void
on_items_changed_cb (VtFacetSidebar *self)
{
  self->updating = TRUE;
  update_bounds (self);
  self->updating = FALSE;
  queue_recount (self);
}

static void
on_range_changed_cb (VtFacetSidebar *self,
                     GtkSpinButton  *spin)
{
  GtkSpinButton *min_spin;
  GtkSpinButton *max_spin;
  GtkAdjustment *adjustment;
  VtRangeKey key;
  int min, max;

  if (self->updating)
    return;

  if (spin == self->impact_min || spin == self->impact_max)
    {
      key = VT_RANGE_IMPACT;
      min_spin = self->impact_min;
      max_spin = self->impact_max;
    }
  else
    {
      key = VT_RANGE_YEAR;
      min_spin = self->year_min;
      max_spin = self->year_max;
    }

  self->updating = TRUE;

  /* Keep the pair in order: raising the minimum above the maximum
   * carries the maximum along, and the other way round. */
  min = gtk_spin_button_get_value_as_int (min_spin);
  max = gtk_spin_button_get_value_as_int (max_spin);
  if (min > max)
    {
      if (spin == min_spin)
        gtk_spin_button_set_value (max_spin, max = min);
      else
        gtk_spin_button_set_value (min_spin, min = max);
    }

  adjustment = gtk_spin_button_get_adjustment (min_spin);
  if (min <= gtk_adjustment_get_lower (adjustment) && max >= gtk_adjustment_get_upper (adjustment))
    vt_query_clear_range (self->query, key);
  else
    vt_query_set_int_range (self->query, key, min, max);

  self->updating = FALSE;
}

static gboolean
parse_price_entry (GtkEntry *entry,
                   VtPrice  *price,
                   gboolean *has_price)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;

  *has_price = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  vt_widget_set_tooltip (GTK_WIDGET (entry), NULL);

  if (*text == '\0')
    return TRUE;

  if (!vt_price_parse (text, price, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      vt_widget_set_tooltip (GTK_WIDGET (entry), error->message);
      return FALSE;
    }

  *has_price = TRUE;
  return TRUE;
}

static void
on_price_changed_cb (VtFacetSidebar *self)
{
  VtPrice min, max;
  gboolean has_min, has_max;
  gboolean min_ok, max_ok;

  if (self->updating)
    return;

  min_ok = parse_price_entry (self->price_min, &min, &has_min);
  max_ok = parse_price_entry (self->price_max, &max, &has_max);
  if (!min_ok || !max_ok)
    return;

  self->updating = TRUE;
  if (!has_min && !has_max)
    vt_query_clear_range (self->query, VT_RANGE_PRICE);
  else
    vt_query_set_price_range (self->query, has_min ? &min : NULL, has_max ? &max : NULL);
  self->updating = FALSE;
}

static void
set_model (VtFacetSidebar *self,
           VtQueryModel   *model)
{
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->items, on_items_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->model, queue_recount, self);
    }
  g_set_object (&self->model, model);
  g_clear_object (&self->query);
  g_clear_object (&self->items);
  if (model != NULL)
    {
      self->query = g_object_ref (vt_query_model_get_query (model));
      self->items = g_object_ref (vt_query_model_get_items (model));
      g_signal_connect_object (self->items, "items-changed",
                               G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "updated",
                               G_CALLBACK (queue_recount), self, G_CONNECT_SWAPPED);
      on_items_changed_cb (self);
    }
}

static void
vt_facet_sidebar_dispose (GObject *object)
{
  VtFacetSidebar *self = VT_FACET_SIDEBAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->recount_source, g_source_remove);
  if (self->recount_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->recount_tick);
  self->recount_tick = 0;
  set_model (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_FACET_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  for (guint key = 0; key < VT_N_FACETS; key++)
    g_clear_pointer (&self->sections[key].rows, g_ptr_array_unref);

  G_OBJECT_CLASS (vt_facet_sidebar_parent_class)->dispose (object);
}

static void
vt_facet_sidebar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VtFacetSidebar *self = VT_FACET_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_facet_sidebar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VtFacetSidebar *self = VT_FACET_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_facet_sidebar_class_init (VtFacetSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_facet_sidebar_dispose;
  object_class->get_property = vt_facet_sidebar_get_property;
  object_class->set_property = vt_facet_sidebar_set_property;

  /**
   * VtFacetSidebar:model:
   *
   * The pieces shown: the sidebar edits its query and shows its counts;
   * its items (the whole collection) set the year range.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         VT_TYPE_QUERY_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The GTK types the template names, registered before GtkBuilder looks
   * them up: a type not registered yet is searched for in the symbols of
   * every loaded library (about 0.1 ms each, 3 ms of a start). */
  g_type_ensure (GTK_TYPE_ADJUSTMENT);
  g_type_ensure (GTK_TYPE_BUTTON);
  g_type_ensure (GTK_TYPE_ENTRY);
  g_type_ensure (GTK_TYPE_SPIN_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vitrine/Vitrine/ui/vt-facet-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, VtFacetSidebar, impact_heading);
  gtk_widget_class_bind_template_child (widget_class, VtFacetSidebar, impact_min);
  gtk_widget_class_bind_template_child (widget_class, VtFacetSidebar, impact_max);
  gtk_widget_class_bind_template_child (widget_class, VtFacetSidebar, year_heading);
  gtk_widget_class_bind_template_child (widget_class, VtFacetSidebar, year_min);
  gtk_widget_class_bind_template_child (widget_class, VtFacetSidebar, year_max);
  gtk_widget_class_bind_template_child (widget_class, VtFacetSidebar, price_heading);
  gtk_widget_class_bind_template_child (widget_class, VtFacetSidebar, price_min);
  gtk_widget_class_bind_template_child (widget_class, VtFacetSidebar, price_max);
  gtk_widget_class_bind_template_child (widget_class, VtFacetSidebar, currency_label);
  gtk_widget_class_bind_template_child (widget_class, VtFacetSidebar, facets_box);
  gtk_widget_class_bind_template_child (widget_class, VtFacetSidebar, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_price_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "vt-facet-sidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
add_section (VtFacetSidebar *self,
             VtFacetKey      key)
{
  FacetSection *section = &self->sections[key];

  section->rows = g_ptr_array_new_with_free_func (facet_row_free);
  section->limit = FACET_FIRST_LIMIT;
  section->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  section->expander = GTK_EXPANDER (gtk_expander_new (vt_facet_key_get_label (key)));
  /* GTK 4.8 names an expander after its class, not its label. */
  vt_accessible_set_label (GTK_WIDGET (section->expander), vt_facet_key_get_label (key));
  gtk_expander_set_expanded (section->expander, TRUE);
  gtk_expander_set_child (section->expander, GTK_WIDGET (section->box));
  gtk_widget_set_visible (GTK_WIDGET (section->expander), FALSE);
  gtk_box_append (self->facets_box, GTK_WIDGET (section->expander));
}

static void
vt_facet_sidebar_init (VtFacetSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Set here rather than in the template: see vt-tooltip.c. */
  vt_widget_set_tooltip (GTK_WIDGET (self->clear_button), _("Remove the search and every filter"));
  vt_widget_set_tooltip (GTK_WIDGET (self->impact_min), _("Lowest impact"));
  vt_widget_set_tooltip (GTK_WIDGET (self->impact_max), _("Highest impact"));
  vt_widget_set_tooltip (GTK_WIDGET (self->year_min), _("Lowest year"));
  vt_widget_set_tooltip (GTK_WIDGET (self->year_max), _("Highest year"));
  vt_widget_set_tooltip (GTK_WIDGET (self->price_min), _("Lowest price"));
  vt_widget_set_tooltip (GTK_WIDGET (self->price_max), _("Highest price"));

  /* The ranges' headings are their fields' labels (vt-field.c). */
  gtk_label_set_label (self->impact_heading, vt_range_key_get_label (VT_RANGE_IMPACT));
  gtk_label_set_label (self->year_heading, vt_range_key_get_label (VT_RANGE_YEAR));
  gtk_label_set_label (self->price_heading, vt_range_key_get_label (VT_RANGE_PRICE));


  /* The curators' sections first, then one per facet, in the order of
   * the catalog's fields. */
  add_section (self, VT_FACET_REVIEW);
  add_section (self, VT_FACET_PROBLEMS);
  for (guint f = 0; f < VT_N_FIELDS; f++)
    {
      const VtFieldInfo *info = vt_field_get_info (f);

      if (info->facet != VT_FIELD_NO_KEY)
        add_section (self, info->facet);
    }
}

GtkWidget *
vt_facet_sidebar_new (VtQueryModel *model)
{
  g_return_val_if_fail (VT_IS_QUERY_MODEL (model), NULL);

  return g_object_new (VT_TYPE_FACET_SIDEBAR,
                       "model", model,
                       NULL);
}

static FacetRow *
find_row (VtFacetSidebar *self,
          VtFacetKey      key,
          const char     *value)
{
  GPtrArray *rows = self->sections[key].rows;

  for (guint i = 0; i < rows->len; i++)
    {
      FacetRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->value, value) == 0)
        return row;
    }

  return NULL;
}

GtkCheckButton *
vt_facet_sidebar_get_check (VtFacetSidebar *self,
                            VtFacetKey      key,
                            const char     *value)
{
  FacetRow *row;

  g_return_val_if_fail (VT_IS_FACET_SIDEBAR (self), NULL);
  g_return_val_if_fail (key < VT_N_FACETS, NULL);

  row = find_row (self, key, value);

  return row != NULL ? row->check : NULL;
}

int
vt_facet_sidebar_get_count (VtFacetSidebar *self,
                            VtFacetKey      key,
                            const char     *value)
{
  FacetRow *row;

  g_return_val_if_fail (VT_IS_FACET_SIDEBAR (self), -1);
  g_return_val_if_fail (key < VT_N_FACETS, -1);

  row = find_row (self, key, value);
  if (row == NULL)
    return -1;

  return atoi (gtk_label_get_text (row->count_label));
}

GtkSpinButton *
vt_facet_sidebar_get_spin (VtFacetSidebar *self,
                           VtRangeKey      key,
                           gboolean        max)
{
  g_return_val_if_fail (VT_IS_FACET_SIDEBAR (self), NULL);
  g_return_val_if_fail (key == VT_RANGE_IMPACT || key == VT_RANGE_YEAR, NULL);

  if (key == VT_RANGE_IMPACT)
    return max ? self->impact_max : self->impact_min;

  return max ? self->year_max : self->year_min;
}

GtkEditable *
vt_facet_sidebar_get_price_entry (VtFacetSidebar *self,
                                  gboolean        max)
{
  g_return_val_if_fail (VT_IS_FACET_SIDEBAR (self), NULL);

  return GTK_EDITABLE (max ? self->price_max : self->price_min);
}

void
vt_facet_sidebar_set_curating (VtFacetSidebar *self,
                               gboolean        curating)
{
  g_return_if_fail (VT_IS_FACET_SIDEBAR (self));

  curating = !!curating;
  if (self->curating == curating)
    return;

  self->curating = curating;
  queue_recount (self);
}

gboolean
vt_facet_sidebar_get_pending (VtFacetSidebar *self)
{
  g_return_val_if_fail (VT_IS_FACET_SIDEBAR (self), FALSE);

  return self->recount_source != 0 || self->recount_tick != 0;
}

void
vt_facet_sidebar_recount (VtFacetSidebar *self)
{
  g_return_if_fail (VT_IS_FACET_SIDEBAR (self));

  vt_query_model_refresh (self->model);
}
