/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The grid's model: a selection whose items are slots, one per position, each holding the piece now there. */

#pragma once

#include <gtk/gtk.h>

#include "vt-item.h"

G_BEGIN_DECLS

#define VT_TYPE_SLOT (vt_slot_get_type ())

G_DECLARE_FINAL_TYPE (VtSlot, vt_slot, VT, SLOT, GObject)

/* The piece at the slot's position; VtSlot:item is notified each time
 * the model puts a piece there, even the same one again. */
VtItem         *vt_slot_get_item        (VtSlot           *self);

#define VT_TYPE_SLOT_MODEL (vt_slot_model_get_type ())

G_DECLARE_FINAL_TYPE (VtSlotModel, vt_slot_model, VT, SLOT_MODEL, GObject)

/*
 * A GtkSelectionModel of VtSlot over @model, a GtkSelectionModel of
 * VtItem: as many slots as @model has items, the slot at a position
 * holding @model's item there, and the same selection (asked of and
 * given to @model, position for position).
 *
 * A slot stays the same object as long as its position exists: when
 * @model's items change, the slots of the positions that stay get their
 * new pieces (and selection-changed tells their selection anew), and
 * items-changed is emitted only for positions added or removed at the
 * end.
 */
VtSlotModel    *vt_slot_model_new       (GtkSelectionModel *model);

GtkSelectionModel *vt_slot_model_get_model (VtSlotModel    *self);

G_END_DECLS
