/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the timeline tells a screen reader, and what curators are told more than visitors: the problems. */

#define G_LOG_DOMAIN "vitrine-timeline"

#include "config.h"

#include "vt-timeline-private.h"

#include "vt-text.h"

#include <glib/gi18n.h>

/* A piece on a pile is told so, as the pile's count shows it, and while
 * curating how many of its pieces have a problem, as its mark shows. */
static void
append_pile (VtTimeline *self,
             GString    *name,
             guint       slot_index)
{
  const VtTimelineSlot *slot = vt_timeline_layout_get_slot (self->layout, slot_index);
  guint with_problems;

  if (!slot->cluster)
    return;
  g_string_append (name, ", ");
  /* Translators: told by a screen reader after a piece shown on a pile of cards of the timeline */
  g_string_append_printf (name, ngettext ("in a pile of %'u piece", "in a pile of %'u pieces", slot->n_pieces),
                          slot->n_pieces);
  with_problems = _vt_timeline_count_problems (self, slot->first, slot->n_pieces);
  if (with_problems > 0)
    {
      g_string_append (name, ", ");
      /* Translators: told by a screen reader after "in a pile of 62 pieces", while curating */
      g_string_append_printf (name, ngettext ("%'u of them with a problem", "%'u of them with problems", with_problems),
                              with_problems);
    }
}

char *
vt_timeline_dup_card_name (VtTimeline *self,
                           guint       position)
{
  g_autoptr(VtItem) item = NULL;
  g_autofree char *title_cut = NULL;
  g_autofree char *problem_cut = NULL;
  const char *title;
  const char *problem;
  GString *name;

  g_return_val_if_fail (VT_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (self->model != NULL && position < g_list_model_get_n_items (self->model), NULL);

  item = g_list_model_get_item (self->model, position);
  title = vt_text_bound (vt_item_get_title (item), VT_TEXT_BOUND_LINE, &title_cut);
  name = g_string_new (title != NULL && *title != '\0' ? title : _("Untitled piece"));
  g_string_append_printf (name, ", %d", vt_item_get_year (item));
  if (vt_item_get_impact (item) != 0)
    {
      g_string_append (name, ", ");
      g_string_append_printf (name, _("impact %d"), vt_item_get_impact (item));
    }
  problem = _vt_timeline_shows_problem (self, item)
            ? vt_text_bound (vt_item_get_problem (item), VT_TEXT_BOUND_MESSAGE, &problem_cut)
            : NULL;
  if (problem != NULL)
    {
      g_string_append (name, ", ");
      /* Translators: told by a screen reader after a piece that has a problem */
      g_string_append_printf (name, _("problem: %s"), problem);
    }
  if (self->layout != NULL)
    append_pile (self, name, vt_timeline_layout_find_slot (self->layout, position));

  return g_string_free (name, FALSE);
}

char *
vt_timeline_dup_description (VtTimeline *self)
{
  int start, end;
  guint n;

  g_return_val_if_fail (VT_IS_TIMELINE (self), NULL);

  n = self->years->len;
  if (n == 0)
    return g_strdup (_("No piece has a year"));

  start = g_array_index (self->years, int, 0) / 10 * 10;
  end = g_array_index (self->years, int, n - 1) / 10 * 10 + 9;
  /* Translators: how a screen reader describes the timeline's axis: its first and last year, and the pieces on it */
  return g_strdup_printf (ngettext ("%d to %d, %'u piece", "%d to %d, %'u pieces", n), start, end, n);
}

void
_vt_timeline_update_accessible (VtTimeline *self)
{
  g_autofree char *description = vt_timeline_dup_description (self);
  g_autofree char *name = NULL;

  if (self->position < self->years->len)
    name = vt_timeline_dup_card_name (self, self->position);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

gboolean
_vt_timeline_shows_problem (VtTimeline *self,
                            VtItem     *item)
{
  return self->curating && vt_item_get_problem (item) != NULL;
}

static void
count_problems (VtTimeline *self)
{
  guint n = self->years->len;
  guint count = 0;

  g_array_set_size (self->problems_before, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (self->model, i);

      g_array_index (self->problems_before, guint, i) = count;
      count += vt_item_get_problem (item) != NULL;
    }
  g_array_index (self->problems_before, guint, n) = count;
  self->problems_counted = TRUE;
}

/* Two lookups, however many pieces the pile holds: a pile at wide zoom
 * may hold thousands, and the timeline draws every pile in view on each
 * frame of a scroll. */
guint
_vt_timeline_count_problems (VtTimeline *self,
                             guint       first,
                             guint       n)
{
  const guint *before;

  if (!self->curating)
    return 0;
  if (!self->problems_counted)
    count_problems (self);
  g_return_val_if_fail (first + n < self->problems_before->len, 0);

  before = (const guint *) self->problems_before->data;
  return before[first + n] - before[first];
}

void
_vt_timeline_forget_problems (VtTimeline *self)
{
  self->problems_counted = FALSE;
}

void
vt_timeline_set_curating (VtTimeline *self,
                          gboolean    curating)
{
  g_return_if_fail (VT_IS_TIMELINE (self));

  curating = !!curating;
  if (self->curating == curating)
    return;
  self->curating = curating;
  _vt_timeline_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vt_timeline_problems_changed (VtTimeline *self)
{
  g_return_if_fail (VT_IS_TIMELINE (self));

  _vt_timeline_forget_problems (self);
  /* Browsing, no mark and no name shows a problem. */
  if (!self->curating)
    return;
  _vt_timeline_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
