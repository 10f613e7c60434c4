/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A show's state, shared by the show window and the presenter console: position, pause, blank, timer. */

#pragma once

#include <gio/gio.h>

#include "vt-item.h"

G_BEGIN_DECLS

typedef enum
{
  VT_SHOW_BLANK_NONE,
  VT_SHOW_BLANK_BLACK,
  VT_SHOW_BLANK_WHITE,
} VtShowBlank;

/* Why the piece shown changed: a step the presenter asked for, or the
 * timer's (which the show window cross-fades). */
typedef enum
{
  VT_SHOW_STEP_MANUAL,
  VT_SHOW_STEP_AUTOMATIC,
} VtShowStep;

#define VT_TYPE_SHOW (vt_show_get_type ())

G_DECLARE_FINAL_TYPE (VtShow, vt_show, VT, SHOW, GObject)

/*
 * @model is the grid's filtered and sorted GListModel of VtItem: the show
 * walks it in its order and follows it when it changes (the piece shown
 * stays shown wherever it moves). Properties: "position", "item",
 * "n-items", "paused", "blank", "interval" (seconds, 0 for no automatic
 * advance), "loop", "caption-shown", "typed-number" (the digits typed so
 * far for a jump, "" for none) and "ended".
 *
 * Signals: "stepped" (VtShowStep) after every change of position, "ended"
 * once, when the show ends (any window of it closes it).
 */
VtShow     *vt_show_new               (GListModel *model,
                                       guint       position);

GListModel *vt_show_get_model         (VtShow     *self);
guint       vt_show_get_position      (VtShow     *self);
guint       vt_show_get_n_items       (VtShow     *self);
/* The piece shown (transfer none), NULL when the model is empty. */
VtItem     *vt_show_get_item          (VtShow     *self);
/* The piece at @offset from the one shown (transfer full), or NULL. */
VtItem     *vt_show_dup_item_at       (VtShow     *self,
                                       int         offset);

/* Navigation. Each restarts the timer; a step while the screen is blank
 * only brings the picture back. */
void        vt_show_next              (VtShow     *self);
void        vt_show_previous          (VtShow     *self);
void        vt_show_first             (VtShow     *self);
void        vt_show_last              (VtShow     *self);
void        vt_show_go_to             (VtShow     *self,
                                       guint       position);

/* A number then Enter: @digit (0-9) is appended to the typed number;
 * vt_show_commit_number() jumps to that piece (counted from 1 in the
 * show's order) and returns TRUE, or returns FALSE when no number was
 * typed (Enter then means "next"). vt_show_clear_number() forgets it. */
void        vt_show_type_digit        (VtShow     *self,
                                       guint       digit);
const char *vt_show_get_typed_number  (VtShow     *self);
gboolean    vt_show_commit_number     (VtShow     *self);
void        vt_show_clear_number      (VtShow     *self);

VtShowBlank vt_show_get_blank         (VtShow     *self);
void        vt_show_set_blank         (VtShow     *self,
                                       VtShowBlank blank);
/* B on a black screen, W on a white one, bring the picture back. */
void        vt_show_toggle_blank      (VtShow     *self,
                                       VtShowBlank blank);

gboolean    vt_show_get_paused        (VtShow     *self);
void        vt_show_set_paused        (VtShow     *self,
                                       gboolean    paused);
guint       vt_show_get_interval      (VtShow     *self);
void        vt_show_set_interval      (VtShow     *self,
                                       guint       seconds);
gboolean    vt_show_get_loop          (VtShow     *self);
void        vt_show_set_loop          (VtShow     *self,
                                       gboolean    loop);
gboolean    vt_show_get_caption_shown (VtShow     *self);
void        vt_show_set_caption_shown (VtShow     *self,
                                       gboolean    shown);

/* The caption's line of facts: "1956 · Europe · Hungary, USSR". */
char       *vt_show_describe_facts    (VtItem     *item);

/* How a slide sets the artwork beside its caption. */
typedef enum
{
  VT_SHOW_LAYOUT_SIDE,    /* caption in a column beside the artwork */
  VT_SHOW_LAYOUT_BELOW,   /* caption under the artwork */
  VT_SHOW_LAYOUT_TEXT,    /* no picture: the text fills the screen */
} VtShowLayout;

/* The caption's column beside the artwork, as a part of the screen's width. */
#define VT_SHOW_SIDE_CAPTION_PER_MILLE 300

/* The type sizes of a caption, in pixels, on a screen @height pixels
 * high: the title's and the other lines'. */
void          vt_show_caption_sizes       (int           height,
                                           int          *title,
                                           int          *body);
/* The layout that shows an image of @image_width × @image_height the
 * largest on a screen of @width × @height with its caption. */
VtShowLayout  vt_show_choose_layout       (int           width,
                                           int           height,
                                           int           image_width,
                                           int           image_height);

/* Microseconds since the show started. */
gint64      vt_show_get_elapsed       (VtShow     *self);
/* "12:05", or "1:02:05" past an hour. */
char       *vt_show_format_elapsed    (gint64      microseconds);

gboolean    vt_show_get_ended         (VtShow     *self);
void        vt_show_end               (VtShow     *self);

/*
 * Choosing the screen. A screen as the show sees it; the show window
 * makes these from GdkMonitors, tests from fakes.
 */
typedef struct
{
  const char *connector;   /* "HDMI-1", "eDP-1"; may be NULL */
  const char *model;       /* may be NULL */
  int         width;       /* logical pixels */
  int         height;
  gboolean    has_window;  /* the main window is on it */
} VtShowScreen;

/* TRUE for a laptop's own panel, by its connector. */
gboolean    vt_show_screen_is_internal (const VtShowScreen *screen);

/*
 * The screen to show on, as an index in @screens; -1 when there are none.
 * @wanted is what the presenter asked for: "" or NULL for the default, a
 * number counted from 1, or a connector or model name (a wanted screen
 * that is not there falls back to the default, and sets @not_found). The
 * default: a screen other than the main window's, not a laptop's panel,
 * when there is one; the largest of those.
 */
int         vt_show_choose_screen      (const VtShowScreen *screens,
                                        guint               n_screens,
                                        const char         *wanted,
                                        gboolean           *not_found);
/* What the monitor menu calls a screen: "HDMI-1 — 3840 × 2160". */
char       *vt_show_describe_screen    (const VtShowScreen *screen,
                                        guint               index);

G_END_DECLS
