/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The grid's model: a selection whose items are slots, one per position, each holding the piece now there. */

#define G_LOG_DOMAIN "vitrine-gallery"

#include "config.h"

#include "vt-slot-model.h"

/*
 * Why slots: GTK 4.8's grid keeps a cell's widget across items-changed
 * only when the very same item object comes back in the same emission;
 * every other cell of the span is destroyed and a new one built from the
 * factory, accessible objects and all. A search that lands replaces the
 * pieces at the top of the list, so a screenful of tiles (a hundred and
 * more on a large screen) would be destroyed and built again in the one
 * frame that shows the result. Here the grid's items are slots that keep
 * their positions: the tiles stay, and each is given its new piece
 * (VtSlot:item), which costs what binding a recycled cell costs.
 *
 * The same holds when fewer pieces remain: the slots past the new end
 * that the grid's cells hold move before it (move_leaving_slots ()).
 *
 * Slots are made when the grid asks for them and the model does not
 * hold them: a slot no one holds goes, and is made again if asked for.
 * As in GTK's GtkTreeListModel and its rows, the item class lives
 * beside the model that makes it.
 */

struct _VtSlot
{
  GObject  parent_instance;

  VtItem  *item;
  guint    position;
};

G_DEFINE_FINAL_TYPE (VtSlot, vt_slot, G_TYPE_OBJECT)

enum {
  SLOT_PROP_0,
  SLOT_PROP_ITEM,
  SLOT_N_PROPS
};

static GParamSpec *slot_properties[SLOT_N_PROPS];

static void
vt_slot_finalize (GObject *object)
{
  VtSlot *self = VT_SLOT (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (vt_slot_parent_class)->finalize (object);
}

static void
vt_slot_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  VtSlot *self = VT_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_slot_class_init (VtSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vt_slot_finalize;
  object_class->get_property = vt_slot_get_property;

  /**
   * VtSlot:item:
   *
   * The piece at the slot's position.
   */
  slot_properties[SLOT_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         VT_TYPE_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
vt_slot_init (VtSlot *self)
{
}

VtItem *
vt_slot_get_item (VtSlot *self)
{
  g_return_val_if_fail (VT_IS_SLOT (self), NULL);

  return self->item;
}

/* Notified even for the same piece: it was named as changed, and the
 * tile showing it asks for its picture again. */
static void
slot_set_item (VtSlot *self,
               VtItem *item)
{
  g_set_object (&self->item, item);
  g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_ITEM]);
}

struct _VtSlotModel
{
  GObject            parent_instance;

  GtkSelectionModel *model;
  guint              n_items;
  /* By position: the slots alive, NULL where none is; weak references. */
  GPtrArray         *slots;
  /* @model's selection as last told, to tell which slots it changed. */
  GtkBitset         *selected;
};

static void vt_slot_model_list_model_init (GListModelInterface *iface);
static void vt_slot_model_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VtSlotModel, vt_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vt_slot_model_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      vt_slot_model_selection_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A slot no one holds any more: its place is free. (The slot's memory
 * is still there while weak references are told.) */
static void
forget_slot (gpointer  data,
             GObject  *where_the_object_was)
{
  VtSlotModel *self = data;
  VtSlot *slot = (VtSlot *) where_the_object_was;

  g_assert (g_ptr_array_index (self->slots, slot->position) == slot);
  g_ptr_array_index (self->slots, slot->position) = NULL;
}

/* The slots from @start on leave the model. */
static void
drop_slots (VtSlotModel *self,
            guint        start)
{
  for (guint i = start; i < self->slots->len; i++)
    {
      GObject *slot = g_ptr_array_index (self->slots, i);

      if (slot != NULL)
        g_object_weak_unref (slot, forget_slot, self);
    }
  g_ptr_array_set_size (self->slots, MIN (start, self->slots->len));
}

static GType
vt_slot_model_get_item_type (GListModel *model)
{
  return VT_TYPE_SLOT;
}

static guint
vt_slot_model_get_n_items (GListModel *model)
{
  VtSlotModel *self = (VtSlotModel *) model;

  return self->n_items;
}

static gpointer
vt_slot_model_get_item (GListModel *model,
                        guint       position)
{
  VtSlotModel *self = (VtSlotModel *) model;
  VtSlot *slot;

  if (position >= self->n_items)
    return NULL;

  slot = g_ptr_array_index (self->slots, position);
  if (slot != NULL)
    return g_object_ref (slot);

  slot = g_object_new (VT_TYPE_SLOT, NULL);
  slot->position = position;
  slot->item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  g_ptr_array_index (self->slots, position) = slot;
  g_object_weak_ref (G_OBJECT (slot), forget_slot, self);

  return slot;
}

static void
vt_slot_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vt_slot_model_get_item_type;
  iface->get_n_items = vt_slot_model_get_n_items;
  iface->get_item = vt_slot_model_get_item;
}

/* The selection is @model's, position for position. */

static gboolean
vt_slot_model_is_selected (GtkSelectionModel *model,
                           guint              position)
{
  VtSlotModel *self = (VtSlotModel *) model;

  return gtk_selection_model_is_selected (self->model, position);
}

static GtkBitset *
vt_slot_model_get_selection_in_range (GtkSelectionModel *model,
                                      guint              position,
                                      guint              n_items)
{
  VtSlotModel *self = (VtSlotModel *) model;

  return gtk_selection_model_get_selection_in_range (self->model, position, n_items);
}

static gboolean
vt_slot_model_select_item (GtkSelectionModel *model,
                           guint              position,
                           gboolean           unselect_rest)
{
  VtSlotModel *self = (VtSlotModel *) model;

  return gtk_selection_model_select_item (self->model, position, unselect_rest);
}

static gboolean
vt_slot_model_unselect_item (GtkSelectionModel *model,
                             guint              position)
{
  VtSlotModel *self = (VtSlotModel *) model;

  return gtk_selection_model_unselect_item (self->model, position);
}

static gboolean
vt_slot_model_select_range (GtkSelectionModel *model,
                            guint              position,
                            guint              n_items,
                            gboolean           unselect_rest)
{
  VtSlotModel *self = (VtSlotModel *) model;

  return gtk_selection_model_select_range (self->model, position, n_items, unselect_rest);
}

static gboolean
vt_slot_model_unselect_range (GtkSelectionModel *model,
                              guint              position,
                              guint              n_items)
{
  VtSlotModel *self = (VtSlotModel *) model;

  return gtk_selection_model_unselect_range (self->model, position, n_items);
}

static gboolean
vt_slot_model_select_all (GtkSelectionModel *model)
{
  VtSlotModel *self = (VtSlotModel *) model;

  return gtk_selection_model_select_all (self->model);
}

static gboolean
vt_slot_model_unselect_all (GtkSelectionModel *model)
{
  VtSlotModel *self = (VtSlotModel *) model;

  return gtk_selection_model_unselect_all (self->model);
}

static gboolean
vt_slot_model_set_selection (GtkSelectionModel *model,
                             GtkBitset         *selected,
                             GtkBitset         *mask)
{
  VtSlotModel *self = (VtSlotModel *) model;

  return gtk_selection_model_set_selection (self->model, selected, mask);
}

static void
vt_slot_model_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = vt_slot_model_is_selected;
  iface->get_selection_in_range = vt_slot_model_get_selection_in_range;
  iface->select_item = vt_slot_model_select_item;
  iface->unselect_item = vt_slot_model_unselect_item;
  iface->select_range = vt_slot_model_select_range;
  iface->unselect_range = vt_slot_model_unselect_range;
  iface->select_all = vt_slot_model_select_all;
  iface->unselect_all = vt_slot_model_unselect_all;
  iface->set_selection = vt_slot_model_set_selection;
}

/* Where to start an items-changed that removes the positions from
 * @first on. GTK 4.8's grid removes from the start of the run of cells
 * without widgets that holds the first position removed, not from that
 * position (gtk_list_item_manager_remove_items () drops the offset into
 * the run), which leaves the widgets of positions removed at positions
 * kept, showing what they showed. A run starts at 0 or after a cell with
 * a widget; the grid's widgets hold their slots, so it starts after a
 * slot alive. The positions between are told as removed and added
 * again: no slot, so no widget, is there to lose. */
static guint
find_removal_start (VtSlotModel *self,
                    guint        first)
{
  while (first > 0 && g_ptr_array_index (self->slots, first - 1) == NULL)
    first--;

  return first;
}

/* Tells the slots from @start to @end whose selection changed since
 * @self->selected, one by one: the grid binds each cell it is told of
 * again, so a wide span would cost as much as new cells. */
static void
tell_selection (VtSlotModel *self,
                guint        start,
                guint        end)
{
  g_autoptr(GtkBitset) changed = gtk_selection_model_get_selection (self->model);
  g_autoptr(GtkBitset) span = gtk_bitset_new_range (start, end - start);
  GtkBitsetIter iter;
  guint position;

  gtk_bitset_difference (changed, self->selected);
  gtk_bitset_intersect (changed, span);
  g_clear_pointer (&self->selected, gtk_bitset_unref);
  self->selected = gtk_selection_model_get_selection (self->model);

  for (gboolean more = gtk_bitset_iter_init_first (&iter, changed, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, 1);
}

/* Fewer pieces: the slots alive past the new end, which the grid's
 * cells hold, move to the free positions just before it, and their
 * pieces change there. GTK 4.8's grid destroys the cell of every item
 * an items-changed removes, unless that very item comes back in the
 * same emission, and builds a cell from the factory for each position
 * it shows that has none: a facet ticked that leaves fewer pieces would
 * cost a screenful of cells destroyed and as many built. Moved, the
 * slots come back among the items added, and their cells with them.
 * Returns the first position given a slot, or @n_new if none was. */
static guint
move_leaving_slots (VtSlotModel *self,
                    guint        position,
                    guint        n_new)
{
  guint free_position = n_new;
  guint first = n_new;

  for (guint i = n_new; i < self->slots->len; i++)
    {
      VtSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot == NULL)
        continue;
      while (free_position > position && g_ptr_array_index (self->slots, free_position - 1) != NULL)
        free_position--;
      if (free_position == position)
        break;

      first = --free_position;
      g_ptr_array_index (self->slots, i) = NULL;
      g_ptr_array_index (self->slots, first) = slot;
      slot->position = first;
    }

  return first;
}

static void
on_items_changed_cb (VtSlotModel *self,
                     guint        position,
                     guint        removed,
                     guint        added)
{
  guint n_old = self->n_items;
  guint n_new = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint kept = MIN (n_old, n_new);
  /* As many added as removed, the positions past the change keep their
   * pieces; else those pieces moved, and every slot from the change to
   * the last that stays has a new one. */
  guint end = removed == added ? position + added : kept;
  guint moved = n_new < n_old ? move_leaving_slots (self, position, n_new) : n_new;
  guint start;

  drop_slots (self, n_new);
  self->n_items = n_new;
  for (guint i = position; i < end; i++)
    {
      VtSlot *slot = g_ptr_array_index (self->slots, i);
      g_autoptr(VtItem) item = NULL;

      if (slot == NULL)
        continue;
      item = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      slot_set_item (slot, item);
    }

  /* The moved slots among the positions told as added. */
  start = n_old > n_new ? find_removal_start (self, MIN (kept, moved)) : kept;
  g_ptr_array_set_size (self->slots, n_new);
  if (n_old != n_new)
    g_list_model_items_changed (G_LIST_MODEL (self), start, n_old - start, n_new - start);

  /* A slot with a new piece may be selected now, or no longer. */
  tell_selection (self, position, MAX (position, MIN (end, start)));
}

static void
on_selection_changed_cb (VtSlotModel *self,
                         guint        position,
                         guint        n_items)
{
  g_clear_pointer (&self->selected, gtk_bitset_unref);
  self->selected = gtk_selection_model_get_selection (self->model);

  /* (Told before its items-changed, a position may be past ours.) */
  if (position >= self->n_items)
    return;
  gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position,
                                         MIN (n_items, self->n_items - position));
}

static void
vt_slot_model_constructed (GObject *object)
{
  VtSlotModel *self = VT_SLOT_MODEL (object);

  G_OBJECT_CLASS (vt_slot_model_parent_class)->constructed (object);

  g_assert (self->model != NULL);
  self->n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_ptr_array_set_size (self->slots, self->n_items);
  self->selected = gtk_selection_model_get_selection (self->model);

  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
vt_slot_model_dispose (GObject *object)
{
  VtSlotModel *self = VT_SLOT_MODEL (object);

  if (self->slots != NULL)
    drop_slots (self, 0);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (vt_slot_model_parent_class)->dispose (object);
}

static void
vt_slot_model_finalize (GObject *object)
{
  VtSlotModel *self = VT_SLOT_MODEL (object);

  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->selected, gtk_bitset_unref);

  G_OBJECT_CLASS (vt_slot_model_parent_class)->finalize (object);
}

static void
vt_slot_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VtSlotModel *self = VT_SLOT_MODEL (object);

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
vt_slot_model_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VtSlotModel *self = VT_SLOT_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_slot_model_class_init (VtSlotModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vt_slot_model_constructed;
  object_class->dispose = vt_slot_model_dispose;
  object_class->finalize = vt_slot_model_finalize;
  object_class->get_property = vt_slot_model_get_property;
  object_class->set_property = vt_slot_model_set_property;

  /**
   * VtSlotModel:model:
   *
   * The pieces and their selection, a GtkSelectionModel of VtItem.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         GTK_TYPE_SELECTION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_slot_model_init (VtSlotModel *self)
{
  self->slots = g_ptr_array_new ();
}

VtSlotModel *
vt_slot_model_new (GtkSelectionModel *model)
{
  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (model), NULL);

  return g_object_new (VT_TYPE_SLOT_MODEL, "model", model, NULL);
}

GtkSelectionModel *
vt_slot_model_get_model (VtSlotModel *self)
{
  g_return_val_if_fail (VT_IS_SLOT_MODEL (self), NULL);

  return self->model;
}
