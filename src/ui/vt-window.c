/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: a catalog's pieces as a filtered, sorted thumbnail grid. */

#define G_LOG_DOMAIN "vitrine-window"

#include "config.h"

#include "vt-window.h"

#include "vt-application.h"
#include "vt-detail-window.h"
#include "vt-facet-sidebar.h"
#include "vt-tile.h"
#include "vt-tooltip.h"
#include "vt-window-private.h"

#include <glib/gi18n.h>

/*
 * The model chain, declared in vt-window.ui and built once:
 *
 *   VtCatalog ─► GtkFilterListModel (VtQuery) ─► GtkSortListModel (VtSorter)
 *             ─► GtkSingleSelection ─► GtkGridView
 *
 * Opening or reloading a catalog loads into the same VtCatalog (one
 * items-changed); the search entry, the sidebar and the chips change the
 * same VtQuery; the sort drop-down changes the same VtSorter. The detail
 * window walks the GtkSortListModel, so it steps through exactly what the
 * grid shows.
 */

G_DEFINE_FINAL_TYPE (VtWindow, vt_window, GTK_TYPE_APPLICATION_WINDOW)

/* The sidebar's width (style.css) and its separator. */
#define SIDEBAR_WIDTH 291

/* How long a changed file must stay quiet before it is reloaded. */
#define RELOAD_DELAY_MS 300

typedef struct
{
  VtWindow     *self;
  GFile        *file;
  GCancellable *cancellable;
  gboolean      reload;
  /* What the grid showed before a reload, by piece number (0: none). */
  guint         selected;
  guint         top;
  guint         bottom;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

guint
_vt_window_find_number (VtWindow *self,
                        guint     number)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);

      if (vt_item_get_number (item) == number)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
update_status (VtWindow *self)
{
  g_autofree char *status = NULL;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));
  const char *page;

  if (self->file == NULL && self->loading_file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->loading_file);
      g_autofree char *loading = NULL;

      /* Translators: shown while the first catalog of a window loads; %s is its file name */
      loading = g_strdup_printf (_("Opening “%s”…"), name);
      gtk_label_set_text (GTK_LABEL (self->loading_label), loading);
      page = "loading";
    }
  else if (self->file == NULL)
    page = "welcome";
  else if (shown == 0)
    page = "no-match";
  else
    page = "grid";
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), page);

  if (self->file != NULL)
    {
      /* Translators: the line under the grid, "12 of 100 pieces" */
      status = g_strdup_printf (ngettext ("%u of %u piece", "%u of %u pieces", total),
                                shown, total);
    }
  gtk_label_set_text (GTK_LABEL (self->status_label), status != NULL ? status : "");
  gtk_widget_set_visible (self->status_label, status != NULL);

  _vt_window_update_actions (self);
}

/* Chips: one removable button above the grid per active filter. */

typedef enum
{
  CHIP_SEARCH,
  CHIP_FACET,
  CHIP_RANGE,
} ChipKind;

static void
on_chip_clicked_cb (VtWindow  *self,
                    GtkButton *button)
{
  ChipKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "vt-chip-kind"));
  guint key = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "vt-chip-key"));
  const char *value = g_object_get_data (G_OBJECT (button), "vt-chip-value");

  switch (kind)
    {
    case CHIP_SEARCH:
      vt_query_set_search (self->query, "");
      break;

    case CHIP_FACET:
      vt_query_set_facet_selected (self->query, key, value, FALSE);
      break;

    case CHIP_RANGE:
      vt_query_clear_range (self->query, key);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
add_chip (VtWindow   *self,
          ChipKind    kind,
          guint       key,
          const char *value,
          const char *label)
{
  g_autofree char *accessible = NULL;
  GtkWidget *button;
  GtkWidget *box;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), gtk_label_new (label));
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
  g_object_set_data (G_OBJECT (button), "vt-chip-kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (button), "vt-chip-key", GUINT_TO_POINTER (key));
  g_object_set_data_full (G_OBJECT (button), "vt-chip-value", g_strdup (value), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_chip_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_flow_box_append (GTK_FLOW_BOX (self->chips_box), button);
}

static char *
format_int_range (VtRangeKey key,
                  int        min,
                  int        max)
{
  if (min == max)
    return g_strdup_printf ("%s %d", vt_range_key_get_label (key), min);

  return g_strdup_printf ("%s %d–%d", vt_range_key_get_label (key), min, max);
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

static void
update_chips (VtWindow *self)
{
  const char *search = vt_query_get_search (self->query);
  GtkWidget *child;
  int min, max;

  while ((child = gtk_widget_get_first_child (self->chips_box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->chips_box), child);

  if (search != NULL && *search != '\0')
    {
      g_autofree char *label = g_strdup_printf ("“%s”", search);

      add_chip (self, CHIP_SEARCH, 0, NULL, label);
    }

  for (guint key = 0; key < VT_N_FACETS; key++)
    {
      g_autofree const char **values = vt_query_get_facet_selection (self->query, key);

      for (guint i = 0; values != NULL && values[i] != NULL; i++)
        add_chip (self, CHIP_FACET, key, values[i], values[i]);
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

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->chips_revealer),
                                 gtk_widget_get_first_child (self->chips_box) != NULL);
}

static void
on_query_changed_cb (VtWindow *self)
{
  const char *search = vt_query_get_search (self->query);

  /* A chip or "Clear All" changed the search: show it in the entry. */
  if (g_strcmp0 (search, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search != NULL ? search : "");

  update_chips (self);
  update_status (self);
}

static void
on_search_changed_cb (VtWindow       *self,
                      GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (g_strcmp0 (text, vt_query_get_search (self->query)) != 0)
    vt_query_set_search (self->query, text);
}

static void
on_stop_search_cb (VtWindow       *self,
                   GtkSearchEntry *entry)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_grab_focus (self->grid_view);
}

/* Settings: sort, direction, tile size. */

static void
on_sort_key_changed_cb (VtWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "sort-key");
  VtSortKey key;

  if (!vt_sort_key_from_string (name, &key))
    key = VT_SORT_NUMBER;

  vt_sorter_set_key (self->sorter, key);
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->sort_dropdown)) != (guint) key)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->sort_dropdown), key);
}

static void
on_sort_descending_changed_cb (VtWindow *self)
{
  gboolean descending = g_settings_get_boolean (self->settings, "sort-descending");

  vt_sorter_set_descending (self->sorter, descending);
  gtk_button_set_icon_name (GTK_BUTTON (self->direction_button),
                            descending ? "view-sort-descending-symbolic"
                                       : "view-sort-ascending-symbolic");
  vt_widget_set_tooltip (self->direction_button,
                         descending ? _("Descending Order (largest first)")
                                    : _("Ascending Order (smallest first)"));
}

static void
on_sort_dropdown_changed_cb (VtWindow *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->sort_dropdown));
  const char *name;

  if (selected >= VT_N_SORT_KEYS)
    return;

  name = vt_sort_key_to_string (selected);
  if (name != NULL)
    g_settings_set_string (self->settings, "sort-key", name);
}

/* GTK 4.8's GtkGridView keeps max-columns x 30 cells alive around the
 * view, each bound to a piece and asking for its thumbnail, and does not
 * let them go when max-columns drops: the template starts it small, and
 * it grows to the columns that fit (so a few screens of tiles, not two
 * thousand). Called whenever the grid's width or the tile size changes. */
static void
update_max_columns (VtWindow *self)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid_view));
  int width = hadjustment != NULL ? (int) gtk_adjustment_get_page_size (hadjustment) : 0;
  int size = g_settings_get_int (self->settings, "thumbnail-size");
  guint columns;

  /* Not laid out yet: guess from the window's size, so the first frame
   * already has its columns. */
  if (width <= 0)
    {
      int height;

      /* GTK 4.8 needs both pointers. */
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (g_settings_get_boolean (self->settings, "sidebar-shown"))
        width -= SIDEBAR_WIDTH;
    }
  if (width <= 0)
    return;

  /* A cell is the tile and its padding; the grid has its own padding. */
  columns = MAX (1, (width - 2 * 12) / (size + 2 * 8));
  if (gtk_grid_view_get_max_columns (GTK_GRID_VIEW (self->grid_view)) != columns)
    gtk_grid_view_set_max_columns (GTK_GRID_VIEW (self->grid_view), columns);
}

static gboolean
update_max_columns_cb (gpointer user_data)
{
  VtWindow *self = user_data;

  self->columns_source = 0;
  update_max_columns (self);

  return G_SOURCE_REMOVE;
}

/* The width is known while the grid is allocated, when it must not be
 * changed: change it right after. */
static void
queue_update_max_columns (VtWindow *self)
{
  if (self->columns_source == 0 && self->settings != NULL)
    self->columns_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_max_columns_cb, self, NULL);
}

/* Large tiles get large type, so a 4K screen reads from a distance. */
static void
get_tile_font_sizes (int  size,
                     int *title_px,
                     int *facts_px)
{
  *title_px = MAX (11, size / 15);
  *facts_px = MAX (10, size * 4 / 75);
}

void
_vt_window_set_tile_size (VtWindow *self,
                          int       size)
{
  g_autofree char *css = NULL;
  GHashTableIter iter;
  gpointer tile;
  int title_px, facts_px;

  size = CLAMP (size, VT_TILE_MIN_SIZE, VT_TILE_MAX_SIZE);
  get_tile_font_sizes (size, &title_px, &facts_px);
  css = g_strdup_printf (".vt-tile-title { font-size: %dpx; }\n"
                         ".vt-tile-facts { font-size: %dpx; }\n",
                         title_px, facts_px);
  gtk_css_provider_load_from_data (self->size_provider, css, -1);

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    vt_tile_set_size (tile, size);

  queue_update_max_columns (self);
  _vt_window_update_actions (self);
}

static void
on_thumbnail_size_changed_cb (VtWindow *self)
{
  _vt_window_set_tile_size (self, g_settings_get_int (self->settings, "thumbnail-size"));
}

/* The grid's cells */

/*
 * GTK 4.8's grid binds some thirty rows at once, top first, and the
 * thumbnailer serves the newest request first: left alone, the rows in
 * view would be served last. Once the burst of binding is over, the
 * tiles in view ask again, so they come first.
 */
static gboolean
hurry_visible_cb (gpointer user_data)
{
  VtWindow *self = user_data;
  graphene_rect_t viewport, bounds;
  GHashTableIter iter;
  gpointer tile;

  self->hurry_source = 0;
  if (!gtk_widget_compute_bounds (self->grid_scroller, self->grid_scroller, &viewport))
    return G_SOURCE_REMOVE;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    {
      if (gtk_widget_compute_bounds (tile, self->grid_scroller, &bounds)
          && graphene_rect_intersection (&viewport, &bounds, NULL))
        vt_tile_hurry (tile);
    }

  return G_SOURCE_REMOVE;
}

static void
forget_tile (gpointer  data,
             GObject  *tile)
{
  VtWindow *self = data;

  g_hash_table_remove (self->tiles, tile);
}

static void
on_factory_setup_cb (VtWindow    *self,
                     GtkListItem *list_item)
{
  GtkWidget *tile = vt_tile_new (self->thumbnailer);

  vt_tile_set_size (VT_TILE (tile), g_settings_get_int (self->settings, "thumbnail-size"));
  gtk_list_item_set_child (list_item, tile);
  g_hash_table_add (self->tiles, tile);
  /* GTK 4.8 may drop a cell without "teardown": the set of live tiles
   * follows the tiles themselves. */
  g_object_weak_ref (G_OBJECT (tile), forget_tile, self);
}

static void
on_factory_bind_cb (VtWindow    *self,
                    GtkListItem *list_item)
{
  vt_tile_set_item (VT_TILE (gtk_list_item_get_child (list_item)),
                    gtk_list_item_get_item (list_item));

  /* (Not while the window is taken apart.) */
  if (self->hurry_source == 0 && self->grid_scroller != NULL)
    self->hurry_source = g_idle_add_full (G_PRIORITY_LOW, hurry_visible_cb, self, NULL);
}

static void
on_factory_unbind_cb (VtWindow    *self,
                      GtkListItem *list_item)
{
  vt_tile_set_item (VT_TILE (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_factory_teardown_cb (VtWindow    *self,
                        GtkListItem *list_item)
{
  GtkWidget *tile = gtk_list_item_get_child (list_item);

  if (tile != NULL && g_hash_table_remove (self->tiles, tile))
    g_object_weak_unref (G_OBJECT (tile), forget_tile, self);
}

/* The detail window */

void
_vt_window_show_detail (VtWindow *self,
                        guint     position)
{
  if (self->detail_window == NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      self->detail_window =
        GTK_WINDOW (vt_detail_window_new (app, G_LIST_MODEL (self->sort_model), self->thumbnailer));
      gtk_window_set_transient_for (self->detail_window, GTK_WINDOW (self));
      g_object_add_weak_pointer (G_OBJECT (self->detail_window), (gpointer *) &self->detail_window);
    }

  vt_detail_window_set_total (VT_DETAIL_WINDOW (self->detail_window),
                              vt_catalog_get_total (self->catalog));
  vt_detail_window_show_position (VT_DETAIL_WINDOW (self->detail_window), position);
}

static void
on_grid_activate_cb (VtWindow    *self,
                     guint        position,
                     GtkGridView *grid_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  _vt_window_show_detail (self, position);
}

/* Loading */

void
_vt_window_show_message (VtWindow   *self,
                         const char *title,
                         const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_title), title);
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->error_bar), TRUE);
}

static void
show_error (VtWindow     *self,
            GFile        *file,
            const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  /* Translators: the heading of the message shown when a catalog does not load */
  title = g_strdup_printf (_("Could not open “%s”"), name);
  _vt_window_show_message (self, title, error->message);
}

static void
on_error_bar_response_cb (VtWindow   *self,
                          int         response,
                          GtkInfoBar *bar)
{
  gtk_info_bar_set_revealed (bar, FALSE);
}

static guint
item_number_at (VtWindow *self,
                double    x,
                double    y)
{
  GtkWidget *widget = gtk_widget_pick (self->grid_view, x, y, GTK_PICK_DEFAULT);

  for (; widget != NULL && widget != self->grid_view; widget = gtk_widget_get_parent (widget))
    {
      if (VT_IS_TILE (widget) && vt_tile_get_item (VT_TILE (widget)) != NULL)
        return vt_item_get_number (vt_tile_get_item (VT_TILE (widget)));
    }

  return 0;
}

static void
remember_view (VtWindow *self,
               LoadData *data)
{
  VtItem *selected = gtk_single_selection_get_selected_item (self->selection);
  int width = gtk_widget_get_width (self->grid_view);
  int height = gtk_widget_get_height (self->grid_view);

  data->selected = selected != NULL ? vt_item_get_number (selected) : 0;
  /* The first tile of the top and of the bottom row in view. */
  data->top = item_number_at (self, 32, 32);
  data->bottom = item_number_at (self, 32, MAX (32, height - 48));
  if (data->bottom == 0)
    data->bottom = item_number_at (self, width / 2, MAX (32, height - 48));
}

static void
scroll_to_position (VtWindow *self,
                    guint     position)
{
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_activate_action (self->grid_view, "list.scroll-to-item", "u", position);
}

static void
restore_view (VtWindow *self,
              LoadData *data)
{
  guint selected = data->selected != 0 ? _vt_window_find_number (self, data->selected)
                                       : GTK_INVALID_LIST_POSITION;

  /* The bottom row first, then the top one: the grid scrolls as little
   * as it must, so this puts back the rows that were in view. */
  if (data->bottom != 0)
    scroll_to_position (self, _vt_window_find_number (self, data->bottom));
  if (data->top != 0)
    scroll_to_position (self, _vt_window_find_number (self, data->top));

  gtk_single_selection_set_selected (self->selection, selected);
}

static void
on_file_changed_cb (VtWindow          *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor);

static void
watch_file (VtWindow *self,
            GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_file_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (file == NULL)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching %s for changes: %s", g_file_peek_path (file), error->message);
      return;
    }

  g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (on_file_changed_cb), self);
}

static void
remember_recent (VtWindow *self,
                 GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *exec = g_strdup_printf ("%s %%u", g_get_prgname ());
  /* GTK 4.8's gtk_recent_manager_add_full() tests the first byte of the
   * groups array where it means its first pointer (groups[0] != '\0'),
   * and drops every group when the name's address ends in 0x00, as it
   * does in the sanitizer build. Of two copies 16 bytes apart, one does not. */
  static const char group_names[] = "vitrine-catalog\0vitrine-catalog";
  const char *group = ((guintptr) group_names & 0xff) != 0 ? group_names : group_names + 16;
  char *groups[] = { (char *) group, NULL };
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/json",
    .app_name = (char *) g_get_application_name (),
    .app_exec = exec,
    .groups = groups,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  /* The manager tells every window a moment later, coalesced; this one
   * lists what it just opened at once. */
  _vt_window_update_recent (self);
  g_settings_set_string (self->settings, "last-catalog", uri);
}

static void
update_title (VtWindow *self)
{
  g_autofree char *title = NULL;
  const char *name = vt_catalog_get_name (self->catalog);

  if (self->file != NULL && name != NULL && *name != '\0')
    title = g_strdup_printf ("%s — Vitrine", name);
  else if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      title = g_strdup_printf ("%s — Vitrine", basename);
    }

  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : "Vitrine");
}

static void
on_grid_map_cb (VtWindow *self)
{
  if (self->focus_grid_on_map)
    {
      self->focus_grid_on_map = FALSE;
      gtk_widget_grab_focus (self->grid_view);
    }
}

/* A new collection: arrow keys browse it at once. The grid takes the
 * focus only once on screen. */
static void
focus_grid (VtWindow *self)
{
  self->focus_grid_on_map = !gtk_widget_get_mapped (self->grid_view);
  if (!self->focus_grid_on_map)
    gtk_widget_grab_focus (self->grid_view);
}

/*
 * The first screen of a new catalog first. GtkGridView builds a tile for
 * every piece of up to 30 rows from the top, whatever the window shows:
 * for the sample, all 32 tiles, each built, bound, measured and asking
 * for its thumbnail before the first frame, where 12 are in view. So the
 * grid sees the pieces through a GtkSliceListModel: while a window's
 * first catalog opens, it holds as many as can be in view (every column
 * of as many rows as can fit, each counted at the least a row can take),
 * and from the frame after the first one that showed them, all of them.
 * Only tiles below the window come a frame later; the status line, the
 * sidebar and the detail window read the sorted model itself. (A
 * catalog opened in place of another reuses the tiles the grid has.)
 */
static gboolean
show_all_pieces_cb (GtkWidget     *grid,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  VtWindow *self = user_data;

  /* The first tick comes before the frame that shows the first screen. */
  if (self->first_screen_tick++ == 0)
    return G_SOURCE_CONTINUE;

  gtk_slice_list_model_set_size (self->first_screen, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

guint
_vt_window_get_first_screen_size (VtWindow *self)
{
  int size = g_settings_get_int (self->settings, "thumbnail-size");
  int width, height, title_px, facts_px, row, rows;

  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (height <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (height <= 0)
    return G_MAXUINT;

  /* The least a row of tiles can take: the picture, two lines of title
   * and one of facts no shorter than their type, the tile's spacing and
   * the cell's padding; and the header bar and the status line take at
   * least 60 pixels of the window. */
  get_tile_font_sizes (size, &title_px, &facts_px);
  row = size + 2 * title_px + facts_px + 2 * 4 + 2 * 8;
  rows = (MAX (height - 60, 1) + row - 1) / row;

  return gtk_grid_view_get_max_columns (GTK_GRID_VIEW (self->grid_view)) * rows;
}

static void
show_first_screen (VtWindow *self)
{
  if (gtk_slice_list_model_get_size (self->first_screen) == G_MAXUINT)
    {
      self->first_screen_tick = 0;
      gtk_widget_add_tick_callback (self->grid_view, show_all_pieces_cb, self, NULL);
    }
  gtk_slice_list_model_set_size (self->first_screen, _vt_window_get_first_screen_size (self));
}

static void
on_load_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  VtWindow *self;
  gboolean new_file;

  if (!vt_catalog_load_finish (VT_CATALOG (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_cancellable_is_cancelled (data->cancellable))
        return;

      self = data->self;
      g_clear_object (&self->loading_file);
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->progress_revealer), FALSE);
      show_error (self, data->file, error);
      update_status (self);
      return;
    }

  /* A newer load replaced this one: it will update the window. */
  if (g_cancellable_is_cancelled (data->cancellable))
    return;

  self = data->self;
  new_file = self->file == NULL || !g_file_equal (self->file, data->file);

  g_clear_object (&self->loading_file);
  g_set_object (&self->file, data->file);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->progress_revealer), FALSE);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->error_bar), FALSE);

  if (new_file)
    {
      watch_file (self, data->file);
      vt_query_clear (self->query);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      scroll_to_position (self, 0);
    }
  else if (data->reload)
    restore_view (self, data);

  remember_recent (self, data->file);
  update_title (self);
  update_status (self);

  if (new_file)
    focus_grid (self);
}

static void
start_load (VtWindow *self,
            GFile    *file,
            gboolean  reload)
{
  LoadData *data;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_set_object (&self->loading_file, file);

  data = g_new0 (LoadData, 1);
  data->self = self;
  data->file = g_object_ref (file);
  data->cancellable = g_object_ref (self->load_cancellable);
  data->reload = reload;
  if (reload)
    remember_view (self, data);

  /* A window that shows no catalog yet shows the first screen first. */
  if (self->file == NULL)
    show_first_screen (self);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), 0.0);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->progress_revealer), TRUE);

  vt_catalog_load_async (self->catalog, file, self->load_cancellable, on_load_cb, data);
  update_status (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  VtWindow *self = user_data;

  self->reload_source = 0;
  if (self->file != NULL && g_file_query_exists (self->file, NULL))
    start_load (self, self->file, TRUE);

  return G_SOURCE_REMOVE;
}

static void
on_file_changed_cb (VtWindow          *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      /* Editors write in several steps: wait until the file is quiet. */
      g_clear_handle_id (&self->reload_source, g_source_remove);
      self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

static void
on_progress_cb (VtWindow *self)
{
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar),
                                 vt_catalog_get_progress (self->catalog));
}

static void
on_items_changed_cb (VtWindow *self)
{
  update_title (self);
  update_status (self);
}

/* Dropping a file on the window opens it. */
static gboolean
on_drop_cb (VtWindow      *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  vt_window_open_file (self, files->data);
  g_slist_free (files);

  return TRUE;
}

/* The first start on a big screen: a big window with big tiles, not a
 * laptop-sized one in a corner. Later starts restore what the user left. */
static void
fit_first_start (VtWindow *self)
{
  g_autoptr(GVariant) saved_width = g_settings_get_user_value (self->settings, "window-width");
  g_autoptr(GVariant) saved_size = g_settings_get_user_value (self->settings, "thumbnail-size");
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GdkMonitor) monitor = NULL;
  GdkRectangle area;

  if (saved_width != NULL || g_list_model_get_n_items (monitors) == 0)
    return;

  monitor = g_list_model_get_item (monitors, 0);
  gdk_monitor_get_geometry (monitor, &area);
  if (area.width < 1600)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self), area.width * 9 / 10, area.height * 9 / 10);
  if (saved_size == NULL)
    g_settings_set_int (self->settings, "thumbnail-size",
                        CLAMP (area.width / 10 / 32 * 32, VT_TILE_MIN_SIZE, VT_TILE_MAX_SIZE));
}

static void
vt_window_dispose (GObject *object)
{
  VtWindow *self = VT_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->columns_source, g_source_remove);
  watch_file (self, NULL);
  /* Tiles go now, while their callbacks may still use the window. */
  if (self->grid_view != NULL)
    gtk_grid_view_set_factory (GTK_GRID_VIEW (self->grid_view), NULL);
  _vt_window_remove_actions (self);

  if (self->detail_window != NULL)
    {
      /* The detail window may outlive this one for a moment (an image
       * request still holds it): it must not clear a pointer in freed memory. */
      g_object_remove_weak_pointer (G_OBJECT (self->detail_window), (gpointer *) &self->detail_window);
      gtk_window_destroy (g_steal_pointer (&self->detail_window));
    }
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  if (self->size_provider != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->size_provider));
  g_clear_object (&self->size_provider);

  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_WINDOW);

  /* Taking the grid apart may have asked for one more update. */
  g_clear_handle_id (&self->columns_source, g_source_remove);
  g_clear_handle_id (&self->hurry_source, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->query);
  g_clear_object (&self->sorter);
  g_clear_object (&self->catalog);
  g_clear_object (&self->file);
  g_clear_object (&self->loading_file);
  if (self->tiles != NULL)
    {
      GHashTableIter iter;
      gpointer tile;

      g_hash_table_iter_init (&iter, self->tiles);
      while (g_hash_table_iter_next (&iter, &tile, NULL))
        g_object_weak_unref (tile, forget_tile, self);
      g_clear_pointer (&self->tiles, g_hash_table_unref);
    }

  G_OBJECT_CLASS (vt_window_parent_class)->dispose (object);
}

static void
vt_window_class_init (VtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_window_dispose;

  /* The GTK types the template names, registered before GtkBuilder looks
   * them up: a type not registered yet is searched for in the symbols of
   * every loaded library (about 0.1 ms each, 3 ms of a start). */
  g_type_ensure (GTK_TYPE_ADJUSTMENT);
  g_type_ensure (GTK_TYPE_BUTTON);
  g_type_ensure (GTK_TYPE_DROP_DOWN);
  g_type_ensure (GTK_TYPE_FILTER_LIST_MODEL);
  g_type_ensure (GTK_TYPE_FLOW_BOX);
  g_type_ensure (GTK_TYPE_GRID_VIEW);
  g_type_ensure (GTK_TYPE_HEADER_BAR);
  g_type_ensure (GTK_TYPE_INFO_BAR);
  g_type_ensure (GTK_TYPE_LIST_VIEW);   /* in the drop-down's own template */
  g_type_ensure (GTK_TYPE_MENU_BUTTON);
  g_type_ensure (GTK_TYPE_POPOVER);
  g_type_ensure (GTK_TYPE_PROGRESS_BAR);
  g_type_ensure (GTK_TYPE_REVEALER);
  g_type_ensure (GTK_TYPE_SCALE);
  g_type_ensure (GTK_TYPE_SCROLLED_WINDOW);
  g_type_ensure (GTK_TYPE_SEARCH_ENTRY);
  g_type_ensure (GTK_TYPE_SEPARATOR);
  g_type_ensure (GTK_TYPE_SINGLE_SELECTION);
  g_type_ensure (GTK_TYPE_SLICE_LIST_MODEL);
  g_type_ensure (GTK_TYPE_SORT_LIST_MODEL);
  g_type_ensure (GTK_TYPE_STACK);
  g_type_ensure (GTK_TYPE_STACK_PAGE);
  g_type_ensure (GTK_TYPE_STRING_LIST);
  g_type_ensure (GTK_TYPE_TOGGLE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitrine/Vitrine/ui/vt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, recent_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, size_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, size_popover);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, size_scale);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, size_adjustment);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, direction_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_title);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sidebar_scroller);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, chips_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, grid_scroller);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, grid_view);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, first_screen);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, sort_model);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, filter_model);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, no_match_clear_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, welcome_open_button);
  gtk_widget_class_bind_template_child (widget_class, VtWindow, welcome_sample_button);
}

/* The scale shows its value from the first time its popover shows: a
 * GtkScale's value label costs about 3 ms the first time one is made,
 * which every start would pay for a popover seldom opened. */
static void
on_size_popover_show_cb (VtWindow *self)
{
  gtk_scale_set_draw_value (GTK_SCALE (self->size_scale), TRUE);
}

/* Set here rather than in the template: see vt-tooltip.c. */
static void
set_tooltips (VtWindow *self)
{
  const struct
  {
    GtkWidget  *widget;
    const char *text;
  } tooltips[] = {
    { self->open_button, _("Open a Catalog (Ctrl+O)") },
    { self->recent_button, _("Recent Catalogs") },
    { self->sidebar_button, _("Show Filters (F9)") },
    { self->search_entry, _("Search titles, texts and attributes (Ctrl+F)") },
    { self->menu_button, _("Main Menu") },
    { self->size_button, _("Thumbnail Size") },
    { self->zoom_out_button, _("Smaller Thumbnails (Ctrl+Minus)") },
    { self->size_scale, _("Thumbnail size in pixels") },
    { self->zoom_in_button, _("Larger Thumbnails (Ctrl+Plus)") },
    { self->sort_dropdown, _("Sort By") },
    { self->welcome_open_button, _("Choose a catalog file (Ctrl+O)") },
    { self->welcome_sample_button, _("Browse the bundled Genesis collection") },
    { self->no_match_clear_button, _("Show every piece again") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tooltips); i++)
    vt_widget_set_tooltip (tooltips[i].widget, tooltips[i].text);
}

static void
vt_window_init (VtWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  set_tooltips (self);

  self->settings = g_settings_new (APP_ID);
  self->tiles = g_hash_table_new (NULL, NULL);
  self->thumbnailer = vt_thumbnailer_get_default ();
  self->catalog = vt_catalog_new ();
  self->query = vt_query_new ();
  self->sorter = vt_sorter_new (VT_SORT_NUMBER, FALSE);

  /* Complete the chain declared in the template. */
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->query));
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->catalog));
  gtk_sort_list_model_set_sorter (self->sort_model, GTK_SORTER (self->sorter));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_swapped (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect_swapped (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect_swapped (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  g_signal_connect_swapped (factory, "teardown", G_CALLBACK (on_factory_teardown_cb), self);
  gtk_grid_view_set_factory (GTK_GRID_VIEW (self->grid_view), factory);

  self->sidebar = vt_facet_sidebar_new (self->query, G_LIST_MODEL (self->catalog));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->sidebar_scroller), self->sidebar);

  self->size_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->size_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry), GTK_WIDGET (self));

  /* Connected here rather than in the template, so that
   * gtk4-builder-tool can validate it. */
  g_signal_connect_swapped (self->size_popover, "show", G_CALLBACK (on_size_popover_show_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search_cb), self);
  g_signal_connect_swapped (self->error_bar, "response", G_CALLBACK (on_error_bar_response_cb), self);
  g_signal_connect_swapped (self->grid_view, "activate", G_CALLBACK (on_grid_activate_cb), self);
  g_signal_connect_swapped (self->grid_view, "map", G_CALLBACK (on_grid_map_cb), self);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid_view)), "changed",
                           G_CALLBACK (queue_update_max_columns), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->query, "changed-query",
                           G_CALLBACK (on_query_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->catalog, "notify::progress",
                           G_CALLBACK (on_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->catalog, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_dropdown, "notify::selected",
                           G_CALLBACK (on_sort_dropdown_changed_cb), self, G_CONNECT_SWAPPED);

  /* Persisted state and view options. */
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sidebar-shown",
                   self->sidebar_revealer, "reveal-child", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "thumbnail-size",
                   self->size_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::sort-key",
                           G_CALLBACK (on_sort_key_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sort-descending",
                           G_CALLBACK (on_sort_descending_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::thumbnail-size",
                           G_CALLBACK (on_thumbnail_size_changed_cb), self, G_CONNECT_SWAPPED);
  on_sort_key_changed_cb (self);
  on_sort_descending_changed_cb (self);
  on_thumbnail_size_changed_cb (self);
  fit_first_start (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _vt_window_install_actions (self);
  update_chips (self);
  update_status (self);

  /* Until a catalog is shown, typing searches (not the first spin
   * button of the sidebar, which GTK would pick). */
  gtk_window_set_focus (GTK_WINDOW (self), self->search_entry);
}

VtWindow *
vt_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (VT_TYPE_WINDOW, "application", application, NULL);
}

void
vt_window_open_file (VtWindow *self,
                     GFile    *file)
{
  g_return_if_fail (VT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_load (self, file, self->file != NULL && g_file_equal (self->file, file));
}

gboolean
vt_window_open_sample (VtWindow *self)
{
  g_autoptr(GFile) sample = vt_application_dup_sample_file ();

  g_return_val_if_fail (VT_IS_WINDOW (self), FALSE);

  if (sample == NULL)
    return FALSE;

  vt_window_open_file (self, sample);
  return TRUE;
}

void
vt_window_reload (VtWindow *self)
{
  g_return_if_fail (VT_IS_WINDOW (self));

  if (self->file != NULL)
    start_load (self, self->file, TRUE);
}

GFile *
vt_window_get_file (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->file;
}

VtCatalog *
vt_window_get_catalog (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), NULL);

  return self->catalog;
}

gboolean
vt_window_get_loading (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), FALSE);

  return self->loading_file != NULL;
}
