/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A show's state, shared by the show window and the presenter console: position, pause, blank, timer. */

#define G_LOG_DOMAIN "vitrine-show"

#include "config.h"

#include "vt-show.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * Both windows of a show read and change this one object, so they are in
 * step by construction: a key pressed in either calls the same method,
 * and each window follows the notifications. It holds no widget, so its
 * rules (what a key does when the screen is blank, when the timer runs,
 * where a jump lands) are tested without a display.
 */

/* Digits kept for a jump: more than any collection has pieces. */
#define MAX_TYPED_DIGITS 6

struct _VtShow
{
  GObject      parent_instance;

  GListModel  *model;
  VtItem      *item;
  guint        position;
  VtShowBlank  blank;
  gboolean     paused;
  guint        interval;
  gboolean     loop;
  gboolean     caption_shown;
  gboolean     ended;
  GString     *typed;
  gint64       started;
  guint        timer;
};

G_DEFINE_FINAL_TYPE (VtShow, vt_show, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_POSITION,
  PROP_ITEM,
  PROP_N_ITEMS,
  PROP_BLANK,
  PROP_PAUSED,
  PROP_INTERVAL,
  PROP_LOOP,
  PROP_CAPTION_SHOWN,
  PROP_TYPED_NUMBER,
  PROP_ENDED,
  N_PROPS
};

enum {
  STEPPED,
  ENDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void restart_timer (VtShow *self);

static void
set_position (VtShow     *self,
              guint       position,
              VtShowStep  step)
{
  g_autoptr(VtItem) item = g_list_model_get_item (self->model, position);
  gboolean moved = position != self->position;
  gboolean changed = item != self->item;

  if (item == NULL)
    position = 0;
  self->position = position;
  g_set_object (&self->item, item);
  if (moved)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  if (moved || changed)
    g_signal_emit (self, signals[STEPPED], 0, step);
}

/* A step the presenter asked for: a blank screen comes back first. */
static gboolean
take_step (VtShow *self)
{
  vt_show_clear_number (self);
  if (self->ended)
    return FALSE;
  if (self->blank != VT_SHOW_BLANK_NONE)
    {
      vt_show_set_blank (self, VT_SHOW_BLANK_NONE);
      return FALSE;
    }
  return TRUE;
}

static void
move_to (VtShow *self,
         guint   position)
{
  guint n_items = g_list_model_get_n_items (self->model);

  if (n_items == 0 || !take_step (self))
    return;
  set_position (self, MIN (position, n_items - 1), VT_SHOW_STEP_MANUAL);
  restart_timer (self);
}

static gboolean
on_timer_cb (gpointer user_data)
{
  VtShow *self = user_data;
  guint n_items = g_list_model_get_n_items (self->model);

  if (self->position + 1 < n_items)
    set_position (self, self->position + 1, VT_SHOW_STEP_AUTOMATIC);
  else if (self->loop && n_items > 0)
    set_position (self, 0, VT_SHOW_STEP_AUTOMATIC);
  else
    {
      /* The last piece stays up. */
      self->timer = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
restart_timer (VtShow *self)
{
  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->interval > 0 && !self->paused && !self->ended && self->blank == VT_SHOW_BLANK_NONE)
    self->timer = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, self->interval,
                                              on_timer_cb, self, NULL);
}

/* Follows the model: the piece shown stays shown wherever it moves;
 * when it leaves, the piece that took its place is shown. */
static void
on_items_changed_cb (VtShow     *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (self->position < position && self->item != NULL)
    return;

  if (self->item != NULL && self->position >= position + removed)
    {
      set_position (self, self->position - removed + added, VT_SHOW_STEP_MANUAL);
      return;
    }

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (model, i);

      if (item == self->item)
        {
          set_position (self, i, VT_SHOW_STEP_MANUAL);
          return;
        }
    }

  set_position (self, n_items > 0 ? MIN (self->position, n_items - 1) : 0, VT_SHOW_STEP_MANUAL);
}

static void
vt_show_dispose (GObject *object)
{
  VtShow *self = VT_SHOW (object);

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (vt_show_parent_class)->dispose (object);
}

static void
vt_show_finalize (GObject *object)
{
  VtShow *self = VT_SHOW (object);

  g_string_free (self->typed, TRUE);

  G_OBJECT_CLASS (vt_show_parent_class)->finalize (object);
}

static void
vt_show_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  VtShow *self = VT_SHOW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, vt_show_get_n_items (self));
      break;
    case PROP_BLANK:
      g_value_set_int (value, self->blank);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    case PROP_LOOP:
      g_value_set_boolean (value, self->loop);
      break;
    case PROP_CAPTION_SHOWN:
      g_value_set_boolean (value, self->caption_shown);
      break;
    case PROP_TYPED_NUMBER:
      g_value_set_string (value, self->typed->str);
      break;
    case PROP_ENDED:
      g_value_set_boolean (value, self->ended);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_show_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  VtShow *self = VT_SHOW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      break;
    case PROP_BLANK:
      vt_show_set_blank (self, g_value_get_int (value));
      break;
    case PROP_PAUSED:
      vt_show_set_paused (self, g_value_get_boolean (value));
      break;
    case PROP_INTERVAL:
      vt_show_set_interval (self, g_value_get_uint (value));
      break;
    case PROP_LOOP:
      vt_show_set_loop (self, g_value_get_boolean (value));
      break;
    case PROP_CAPTION_SHOWN:
      vt_show_set_caption_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_show_constructed (GObject *object)
{
  VtShow *self = VT_SHOW (object);

  G_OBJECT_CLASS (vt_show_parent_class)->constructed (object);

  if (self->model == NULL)
    self->model = G_LIST_MODEL (g_list_store_new (VT_TYPE_ITEM));
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
vt_show_class_init (VtShowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = vt_show_constructed;
  object_class->dispose = vt_show_dispose;
  object_class->finalize = vt_show_finalize;
  object_class->get_property = vt_show_get_property;
  object_class->set_property = vt_show_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, VT_TYPE_ITEM, read_only);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_BLANK] =
    g_param_spec_int ("blank", NULL, NULL, VT_SHOW_BLANK_NONE, VT_SHOW_BLANK_WHITE,
                      VT_SHOW_BLANK_NONE, flags);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE, flags);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 0, 24 * 60 * 60, 0, flags);
  properties[PROP_LOOP] =
    g_param_spec_boolean ("loop", NULL, NULL, FALSE, flags);
  properties[PROP_CAPTION_SHOWN] =
    g_param_spec_boolean ("caption-shown", NULL, NULL, TRUE, flags);
  properties[PROP_TYPED_NUMBER] =
    g_param_spec_string ("typed-number", NULL, NULL, "", read_only);
  properties[PROP_ENDED] =
    g_param_spec_boolean ("ended", NULL, NULL, FALSE, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STEPPED] =
    g_signal_new ("stepped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[ENDED] =
    g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vt_show_init (VtShow *self)
{
  self->caption_shown = TRUE;
  self->typed = g_string_new (NULL);
  self->started = g_get_monotonic_time ();
}

VtShow *
vt_show_new (GListModel *model,
             guint       position)
{
  VtShow *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (VT_TYPE_SHOW, "model", model, NULL);
  self->position = position < g_list_model_get_n_items (model) ? position : 0;
  self->item = g_list_model_get_item (model, self->position);
  return self;
}

GListModel *
vt_show_get_model (VtShow *self)
{
  g_return_val_if_fail (VT_IS_SHOW (self), NULL);

  return self->model;
}

guint
vt_show_get_position (VtShow *self)
{
  g_return_val_if_fail (VT_IS_SHOW (self), 0);

  return self->position;
}

guint
vt_show_get_n_items (VtShow *self)
{
  g_return_val_if_fail (VT_IS_SHOW (self), 0);

  return g_list_model_get_n_items (self->model);
}

VtItem *
vt_show_get_item (VtShow *self)
{
  g_return_val_if_fail (VT_IS_SHOW (self), NULL);

  return self->item;
}

VtItem *
vt_show_dup_item_at (VtShow *self,
                     int     offset)
{
  g_return_val_if_fail (VT_IS_SHOW (self), NULL);

  if (self->item == NULL || (offset < 0 && (guint) -offset > self->position))
    return NULL;
  return g_list_model_get_item (self->model, self->position + offset);
}

void
vt_show_next (VtShow *self)
{
  g_return_if_fail (VT_IS_SHOW (self));

  move_to (self, self->position + 1);
}

void
vt_show_previous (VtShow *self)
{
  g_return_if_fail (VT_IS_SHOW (self));

  move_to (self, self->position > 0 ? self->position - 1 : 0);
}

void
vt_show_first (VtShow *self)
{
  g_return_if_fail (VT_IS_SHOW (self));

  move_to (self, 0);
}

void
vt_show_last (VtShow *self)
{
  g_return_if_fail (VT_IS_SHOW (self));

  move_to (self, G_MAXUINT);
}

void
vt_show_go_to (VtShow *self,
               guint   position)
{
  g_return_if_fail (VT_IS_SHOW (self));

  move_to (self, position);
}

void
vt_show_type_digit (VtShow *self,
                    guint   digit)
{
  g_return_if_fail (VT_IS_SHOW (self));
  g_return_if_fail (digit <= 9);

  if (self->typed->len >= MAX_TYPED_DIGITS)
    return;
  g_string_append_c (self->typed, '0' + digit);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPED_NUMBER]);
}

const char *
vt_show_get_typed_number (VtShow *self)
{
  g_return_val_if_fail (VT_IS_SHOW (self), "");

  return self->typed->str;
}

gboolean
vt_show_commit_number (VtShow *self)
{
  guint64 number;

  g_return_val_if_fail (VT_IS_SHOW (self), FALSE);

  if (self->typed->len == 0)
    return FALSE;

  number = g_ascii_strtoull (self->typed->str, NULL, 10);
  move_to (self, number > 0 ? (guint) number - 1 : 0);
  vt_show_clear_number (self);
  return TRUE;
}

void
vt_show_clear_number (VtShow *self)
{
  g_return_if_fail (VT_IS_SHOW (self));

  if (self->typed->len == 0)
    return;
  g_string_truncate (self->typed, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPED_NUMBER]);
}

VtShowBlank
vt_show_get_blank (VtShow *self)
{
  g_return_val_if_fail (VT_IS_SHOW (self), VT_SHOW_BLANK_NONE);

  return self->blank;
}

void
vt_show_set_blank (VtShow      *self,
                   VtShowBlank  blank)
{
  g_return_if_fail (VT_IS_SHOW (self));
  g_return_if_fail (blank <= VT_SHOW_BLANK_WHITE);

  if (self->blank == blank)
    return;
  self->blank = blank;
  restart_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK]);
}

void
vt_show_toggle_blank (VtShow      *self,
                      VtShowBlank  blank)
{
  g_return_if_fail (VT_IS_SHOW (self));

  vt_show_clear_number (self);
  vt_show_set_blank (self, self->blank == VT_SHOW_BLANK_NONE ? blank : VT_SHOW_BLANK_NONE);
}

gboolean
vt_show_get_paused (VtShow *self)
{
  g_return_val_if_fail (VT_IS_SHOW (self), FALSE);

  return self->paused;
}

void
vt_show_set_paused (VtShow   *self,
                    gboolean  paused)
{
  g_return_if_fail (VT_IS_SHOW (self));

  paused = !!paused;
  if (self->paused == paused)
    return;
  self->paused = paused;
  restart_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

guint
vt_show_get_interval (VtShow *self)
{
  g_return_val_if_fail (VT_IS_SHOW (self), 0);

  return self->interval;
}

void
vt_show_set_interval (VtShow *self,
                      guint   seconds)
{
  g_return_if_fail (VT_IS_SHOW (self));

  if (self->interval == seconds)
    return;
  self->interval = seconds;
  restart_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

gboolean
vt_show_get_loop (VtShow *self)
{
  g_return_val_if_fail (VT_IS_SHOW (self), FALSE);

  return self->loop;
}

void
vt_show_set_loop (VtShow   *self,
                  gboolean  loop)
{
  g_return_if_fail (VT_IS_SHOW (self));

  loop = !!loop;
  if (self->loop == loop)
    return;
  self->loop = loop;
  /* The timer may have stopped at the last piece. */
  if (self->timer == 0)
    restart_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP]);
}

gboolean
vt_show_get_caption_shown (VtShow *self)
{
  g_return_val_if_fail (VT_IS_SHOW (self), TRUE);

  return self->caption_shown;
}

void
vt_show_set_caption_shown (VtShow   *self,
                           gboolean  shown)
{
  g_return_if_fail (VT_IS_SHOW (self));

  shown = !!shown;
  if (self->caption_shown == shown)
    return;
  self->caption_shown = shown;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION_SHOWN]);
}

char *
vt_show_describe_facts (VtItem *item)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  const char * const *countries;
  const char *region;

  g_return_val_if_fail (VT_IS_ITEM (item), NULL);

  if (vt_item_get_year (item) > 0)
    g_ptr_array_add (facts, g_strdup_printf ("%d", vt_item_get_year (item)));
  region = vt_item_get_region (item);
  if (region != NULL && *region != '\0')
    g_ptr_array_add (facts, g_strdup (region));
  countries = vt_item_get_countries (item);
  if (countries[0] != NULL)
    /* Translators: between the countries of a piece, "Hungary, USSR" */
    g_ptr_array_add (facts, g_strjoinv (_(", "), (char **) countries));
  g_ptr_array_add (facts, NULL);

  /* Translators: between the year, the region and the countries of a piece */
  return g_strjoinv (_(" · "), (char **) facts->pdata);
}

gint64
vt_show_get_elapsed (VtShow *self)
{
  g_return_val_if_fail (VT_IS_SHOW (self), 0);

  return g_get_monotonic_time () - self->started;
}

char *
vt_show_format_elapsed (gint64 microseconds)
{
  gint64 seconds = MAX (microseconds, 0) / G_USEC_PER_SEC;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600),
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

gboolean
vt_show_get_ended (VtShow *self)
{
  g_return_val_if_fail (VT_IS_SHOW (self), TRUE);

  return self->ended;
}

void
vt_show_end (VtShow *self)
{
  g_return_if_fail (VT_IS_SHOW (self));

  if (self->ended)
    return;
  self->ended = TRUE;
  g_clear_handle_id (&self->timer, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDED]);
  g_signal_emit (self, signals[ENDED], 0);
}

/* Captions */

/* The caption's type, as parts of the screen's height. */
#define TITLE_PER_MILLE 44
#define BODY_PER_MILLE 24
/* The caption's height below the artwork (title, facts and two lines of
 * About), as a part of the screen. */
#define BELOW_CAPTION_PER_MILLE 220
void
vt_show_caption_sizes (int  height,
                       int *title,
                       int *body)
{
  if (title != NULL)
    *title = MAX (1, (height * TITLE_PER_MILLE + 999) / 1000);
  if (body != NULL)
    *body = MAX (1, (height * BODY_PER_MILLE + 999) / 1000);
}

VtShowLayout
vt_show_choose_layout (int width,
                       int height,
                       int image_width,
                       int image_height)
{
  double side_scale, below_scale;

  if (image_width <= 0 || image_height <= 0)
    return VT_SHOW_LAYOUT_TEXT;

  side_scale = MIN (width * (1000 - VT_SHOW_SIDE_CAPTION_PER_MILLE) / 1000.0 / image_width,
                    (double) height / image_height);
  below_scale = MIN ((double) width / image_width,
                     height * (1000 - BELOW_CAPTION_PER_MILLE) / 1000.0 / image_height);
  return side_scale >= below_scale ? VT_SHOW_LAYOUT_SIDE : VT_SHOW_LAYOUT_BELOW;
}

/* Screens */

gboolean
vt_show_screen_is_internal (const VtShowScreen *screen)
{
  const char *internal[] = { "eDP", "LVDS", "DSI", "DPI" };

  g_return_val_if_fail (screen != NULL, FALSE);

  for (guint i = 0; screen->connector != NULL && i < G_N_ELEMENTS (internal); i++)
    if (g_str_has_prefix (screen->connector, internal[i]))
      return TRUE;
  return FALSE;
}

static gboolean
screen_matches (const VtShowScreen *screen,
                guint               index,
                const char         *wanted)
{
  char *end = NULL;
  guint64 number = g_ascii_strtoull (wanted, &end, 10);

  if (end != wanted && *end == '\0')
    return number == index + 1;
  return (screen->connector != NULL && g_ascii_strcasecmp (screen->connector, wanted) == 0)
         || (screen->model != NULL && g_ascii_strcasecmp (screen->model, wanted) == 0);
}

/* How fit a screen is to show on, by default: larger is better. */
static gint64
screen_score (const VtShowScreen *screen)
{
  gint64 score = (gint64) screen->width * screen->height;

  if (!screen->has_window)
    score += G_GINT64_CONSTANT (1) << 50;
  if (!vt_show_screen_is_internal (screen))
    score += G_GINT64_CONSTANT (1) << 49;
  return score;
}

int
vt_show_choose_screen (const VtShowScreen *screens,
                       guint               n_screens,
                       const char         *wanted,
                       gboolean           *not_found)
{
  int best = -1;

  g_return_val_if_fail (screens != NULL || n_screens == 0, -1);

  if (not_found != NULL)
    *not_found = FALSE;

  if (wanted != NULL && *wanted != '\0')
    {
      for (guint i = 0; i < n_screens; i++)
        if (screen_matches (&screens[i], i, wanted))
          return i;
      if (not_found != NULL)
        *not_found = TRUE;
    }

  for (guint i = 0; i < n_screens; i++)
    if (best < 0 || screen_score (&screens[i]) > screen_score (&screens[best]))
      best = i;
  return best;
}

char *
vt_show_describe_screen (const VtShowScreen *screen,
                         guint               index)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (screen != NULL, NULL);

  if (screen->model != NULL && *screen->model != '\0' && screen->connector != NULL)
    name = g_strdup_printf ("%s (%s)", screen->model, screen->connector);
  else if (screen->connector != NULL)
    name = g_strdup (screen->connector);
  else
    /* Translators: a screen that tells no name of its own, by its number */
    name = g_strdup_printf (_("Screen %u"), index + 1);

  /* Translators: an entry of the menu of screens to present on:
   * its name, then its size in pixels, "HDMI-1 — 3840 × 2160" */
  return g_strdup_printf (_("%s — %d × %d"), name, screen->width, screen->height);
}
