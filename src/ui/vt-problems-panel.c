/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every problem validation found in a catalog, grouped by piece, most severe first. */

#define G_LOG_DOMAIN "vitrine-problems"

#include "config.h"

#include "vt-problems-panel.h"

#include <glib/gi18n.h>

/*
 * The catalog lists its problems by piece number. Here the pieces with
 * an error come before those with only warnings, each piece's problems
 * together, errors first; the problems of the whole catalog (number 0)
 * lead. A line shows its piece's number and title when it is the first
 * of its piece: GTK 4.8's list views have no sections.
 */

struct _VtProblemsPanel
{
  GtkWidget     parent_instance;

  VtCatalog    *catalog;
  GListStore   *lines;

  /* Template children */
  GtkLabel     *heading_label;
  GtkStack     *stack;
  GtkListView  *list_view;
};

G_DEFINE_FINAL_TYPE (VtProblemsPanel, vt_problems_panel, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  VtProblem  *problem;
  VtSeverity  worst;     /* of its piece */
  guint       index;     /* in the catalog's list, to keep its order */
} Line;

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const Line *la = a, *lb = b;
  guint na = vt_problem_get_number (la->problem);
  guint nb = vt_problem_get_number (lb->problem);

  if ((na == 0) != (nb == 0))
    return na == 0 ? -1 : 1;
  if (la->worst != lb->worst)
    return la->worst > lb->worst ? -1 : 1;
  if (na != nb)
    return na < nb ? -1 : 1;
  /* Pieces without a number apart, by title; the catalog's own first. */
  if (na == 0 && g_strcmp0 (vt_problem_get_title (la->problem), vt_problem_get_title (lb->problem)) != 0)
    return g_strcmp0 (vt_problem_get_title (la->problem), vt_problem_get_title (lb->problem));
  if (vt_problem_get_severity (la->problem) != vt_problem_get_severity (lb->problem))
    return vt_problem_get_severity (la->problem) > vt_problem_get_severity (lb->problem) ? -1 : 1;
  return la->index < lb->index ? -1 : la->index > lb->index;
}

static void
update (VtProblemsPanel *self)
{
  GListModel *problems = vt_catalog_get_problems (self->catalog);
  guint n = g_list_model_get_n_items (problems);
  g_autoptr(GArray) lines = g_array_sized_new (FALSE, FALSE, sizeof (Line), n);
  g_autoptr(GHashTable) worst = g_hash_table_new (NULL, NULL);
  g_autofree gpointer *sorted = NULL;
  g_autofree char *heading = NULL;

  for (guint i = 0; i < n; i++)
    {
      VtProblem *problem = g_list_model_get_item (problems, i);
      gpointer number = GUINT_TO_POINTER (vt_problem_get_number (problem));
      VtSeverity severity = vt_problem_get_severity (problem);
      Line line = { problem, severity, i };

      /* Stored plus one: 0 is "none yet". */
      if (GPOINTER_TO_UINT (g_hash_table_lookup (worst, number)) < (guint) severity + 1)
        g_hash_table_insert (worst, number, GUINT_TO_POINTER (severity + 1));
      g_array_append_val (lines, line);
    }
  for (guint i = 0; i < n; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      gpointer number = GUINT_TO_POINTER (vt_problem_get_number (line->problem));

      line->worst = GPOINTER_TO_UINT (g_hash_table_lookup (worst, number)) - 1;
    }
  g_array_sort (lines, compare_lines);

  sorted = g_new (gpointer, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    sorted[i] = g_array_index (lines, Line, i).problem;
  g_list_store_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                       sorted, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (sorted[i]);

  /* Translators: the heading of the problems panel, "3 problems in 2 pieces" is too long: "3 Problems" */
  heading = g_strdup_printf (ngettext ("%'u Problem", "%'u Problems", n), n);
  gtk_label_set_text (self->heading_label, heading);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "none");
}

static void
on_setup_cb (VtProblemsPanel *self,
             GtkListItem     *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *piece = gtk_label_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *message = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (piece), 0);
  gtk_label_set_ellipsize (GTK_LABEL (piece), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (piece, "heading");
  gtk_widget_add_css_class (piece, "vt-problem-piece");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 48);
  gtk_widget_set_hexpand (message, TRUE);

  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), message);
  gtk_box_append (GTK_BOX (box), piece);
  gtk_box_append (GTK_BOX (box), row);
  gtk_list_item_set_child (list_item, box);
}

static void
on_bind_cb (VtProblemsPanel *self,
            GtkListItem     *list_item)
{
  VtProblem *problem = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *piece = gtk_widget_get_first_child (box);
  GtkWidget *row = gtk_widget_get_next_sibling (piece);
  GtkWidget *icon = gtk_widget_get_first_child (row);
  GtkWidget *message = gtk_widget_get_next_sibling (icon);
  guint number = vt_problem_get_number (problem);
  const char *title = vt_problem_get_title (problem);
  gboolean first = TRUE;
  gboolean error = vt_problem_get_severity (problem) == VT_SEVERITY_ERROR;
  g_autofree char *piece_text = NULL;
  g_autofree char *message_text = NULL;
  g_autofree char *accessible = NULL;

  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(VtProblem) previous = g_list_model_get_item (G_LIST_MODEL (self->lines), position - 1);

      first = vt_problem_get_number (previous) != number
              || g_strcmp0 (vt_problem_get_title (previous), title) != 0;
    }

  if (number == 0 && title != NULL)
    piece_text = g_strdup (title);   /* a piece without a number */
  else if (number == 0)
    piece_text = g_strdup (_("The whole catalog"));
  else if (title != NULL)
    /* Translators: a piece in the problems panel, "56 · 1956 - Hungarian Revolution" */
    piece_text = g_strdup_printf (_("%u · %s"), number, title);
  else
    piece_text = g_strdup_printf ("%u", number);
  gtk_label_set_text (GTK_LABEL (piece), piece_text);
  gtk_widget_set_visible (piece, first);

  if (vt_problem_get_field (problem) != NULL)
    message_text = g_strdup_printf ("%s: %s", vt_problem_get_field (problem), vt_problem_get_message (problem));
  else
    message_text = g_strdup (vt_problem_get_message (problem));
  gtk_label_set_text (GTK_LABEL (message), message_text);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (icon, error ? "warning" : "error");
  gtk_widget_add_css_class (icon, error ? "error" : "warning");

  /* Translators: how a screen reader reads a line of the problems panel: "Error, 56 · 1956 - …: impact: 12 is outside 1-10" */
  accessible = g_strdup_printf (_("%s, %s: %s"), error ? _("Error") : _("Warning"), piece_text, message_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_activate_cb (VtProblemsPanel *self,
                guint            position)
{
  g_autoptr(VtProblem) problem = g_list_model_get_item (G_LIST_MODEL (self->lines), position);

  if (problem != NULL)
    g_signal_emit (self, signals[ACTIVATE], 0, problem);
}

static void
vt_problems_panel_dispose (GObject *object)
{
  VtProblemsPanel *self = VT_PROBLEMS_PANEL (object);

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_func (vt_catalog_get_problems (self->catalog), update, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_PROBLEMS_PANEL);
  g_clear_object (&self->catalog);
  g_clear_object (&self->lines);

  G_OBJECT_CLASS (vt_problems_panel_parent_class)->dispose (object);
}

static void
vt_problems_panel_class_init (VtProblemsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_problems_panel_dispose;

  /**
   * VtProblemsPanel::activate:
   * @self: the panel
   * @problem: the problem of the line activated: of a piece
   *   (vt_problem_get_index (), vt_problem_get_number ()) or of the
   *   whole catalog (neither)
   */
  signals[ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VT_TYPE_PROBLEM);

  g_type_ensure (GTK_TYPE_LIST_VIEW);
  g_type_ensure (GTK_TYPE_SCROLLED_WINDOW);
  g_type_ensure (GTK_TYPE_STACK);
  g_type_ensure (GTK_TYPE_STACK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitrine/Vitrine/ui/vt-problems-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VtProblemsPanel, heading_label);
  gtk_widget_class_bind_template_child (widget_class, VtProblemsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, VtProblemsPanel, list_view);

  gtk_widget_class_set_css_name (widget_class, "vt-problems-panel");
}

static void
vt_problems_panel_init (VtProblemsPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lines = g_list_store_new (VT_TYPE_PROBLEM);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->lines)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_swapped (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect_swapped (factory, "bind", G_CALLBACK (on_bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_activate_cb), self);
}

GtkWidget *
vt_problems_panel_new (VtCatalog *catalog)
{
  VtProblemsPanel *self;

  g_return_val_if_fail (VT_IS_CATALOG (catalog), NULL);

  self = g_object_new (VT_TYPE_PROBLEMS_PANEL, NULL);
  self->catalog = g_object_ref (catalog);
  g_signal_connect_swapped (vt_catalog_get_problems (catalog), "items-changed",
                            G_CALLBACK (update), self);
  update (self);
  return GTK_WIDGET (self);
}

GListModel *
vt_problems_panel_get_model (VtProblemsPanel *self)
{
  g_return_val_if_fail (VT_IS_PROBLEMS_PANEL (self), NULL);

  return G_LIST_MODEL (self->lines);
}

GtkListView *
vt_problems_panel_get_list_view (VtProblemsPanel *self)
{
  g_return_val_if_fail (VT_IS_PROBLEMS_PANEL (self), NULL);

  return self->list_view;
}
