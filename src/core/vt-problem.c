/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A problem validation found in a catalog: an immutable record of item, field and message. */

#define G_LOG_DOMAIN "vitrine-problem"

#include "config.h"

#include "vt-problem.h"
#include "vt-enums.h"
#include "vt-text.h"

#include <glib/gi18n-lib.h>

struct _VtProblem
{
  GObject     parent_instance;

  VtSeverity  severity;
  guint       number;
  int         index;
  char       *title;
  char       *field;
  char       *message;
};

enum
{
  PROP_0,
  PROP_SEVERITY,
  PROP_NUMBER,
  PROP_INDEX,
  PROP_TITLE,
  PROP_FIELD,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VtProblem, vt_problem, G_TYPE_OBJECT)

static void
vt_problem_finalize (GObject *object)
{
  VtProblem *self = VT_PROBLEM (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (vt_problem_parent_class)->finalize (object);
}

static void
vt_problem_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VtProblem *self = VT_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_INDEX:
      g_value_set_int (value, self->index);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_problem_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VtProblem *self = VT_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      self->severity = g_value_get_enum (value);
      break;
    case PROP_NUMBER:
      self->number = g_value_get_uint (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_FIELD:
      self->field = g_value_dup_string (value);
      break;
    case PROP_INDEX:
      self->index = g_value_get_int (value);
      break;
    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_problem_class_init (VtProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vt_problem_finalize;
  object_class->get_property = vt_problem_get_property;
  object_class->set_property = vt_problem_set_property;

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       VT_TYPE_SEVERITY, VT_SEVERITY_ERROR, flags);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_INDEX] =
    g_param_spec_int ("index", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_problem_init (VtProblem *self)
{
}

VtProblem *
vt_problem_new (VtSeverity  severity,
                guint       number,
                const char *title,
                const char *field,
                const char *message)
{
  return vt_problem_new_for_item (severity, -1, number, title, field, message);
}

VtProblem *
vt_problem_new_for_item (VtSeverity  severity,
                         int         index,
                         guint       number,
                         const char *title,
                         const char *field,
                         const char *message)
{
  g_autofree char *cut = NULL;

  g_return_val_if_fail (index >= -1, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  /* Each problem of a piece names it: a long title is neither copied
   * whole into each nor printed whole in each line. */
  return g_object_new (VT_TYPE_PROBLEM,
                       "severity", severity,
                       "index", index,
                       "number", number,
                       "title", vt_text_bound (title, VT_TEXT_BOUND_QUOTE, &cut),
                       "field", field,
                       "message", message,
                       NULL);
}

VtSeverity
vt_problem_get_severity (VtProblem *self)
{
  g_return_val_if_fail (VT_IS_PROBLEM (self), VT_SEVERITY_ERROR);

  return self->severity;
}

guint
vt_problem_get_number (VtProblem *self)
{
  g_return_val_if_fail (VT_IS_PROBLEM (self), 0);

  return self->number;
}

int
vt_problem_get_index (VtProblem *self)
{
  g_return_val_if_fail (VT_IS_PROBLEM (self), -1);

  return self->index;
}

const char *
vt_problem_get_title (VtProblem *self)
{
  g_return_val_if_fail (VT_IS_PROBLEM (self), NULL);

  return self->title;
}

const char *
vt_problem_get_field (VtProblem *self)
{
  g_return_val_if_fail (VT_IS_PROBLEM (self), NULL);

  return self->field;
}

const char *
vt_problem_get_message (VtProblem *self)
{
  g_return_val_if_fail (VT_IS_PROBLEM (self), NULL);

  return self->message;
}

char *
vt_problem_to_string (VtProblem *self)
{
  GString *out;

  g_return_val_if_fail (VT_IS_PROBLEM (self), NULL);

  out = g_string_new (NULL);

  if (self->number > 0 && self->title != NULL)
    /* Translators: "item 56 (1956 - Hungarian Revolution): " */
    g_string_append_printf (out, _("item %u (%s): "), self->number, self->title);
  else if (self->number > 0)
    g_string_append_printf (out, _("item %u: "), self->number);
  else if (self->title != NULL)
    g_string_append_printf (out, _("item without a number (%s): "), self->title);
  else if (self->index >= 0)
    /* Where the catalog's other messages name it: a JSON path. */
    g_string_append_printf (out, "items[%d]: ", self->index);

  if (self->field != NULL)
    g_string_append_printf (out, "%s: ", self->field);
  g_string_append (out, self->message);

  return g_string_free (out, FALSE);
}
