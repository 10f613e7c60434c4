/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's question, once per catalog, whether to show images outside the catalog's folder. */

/*
 * A catalog is data from a stranger: it may name "../../etc/passwd" or
 * a picture anywhere on the disk. The core opens nothing outside the
 * catalog's folder until allowed (vt_catalog_set_allow_outside()); the
 * window asks the user once per catalog and keeps the answer in two
 * lists of catalog URIs, so a catalog opened again is neither asked
 * about again nor shown otherwise than the user chose.
 */

#define G_LOG_DOMAIN "vitrine-window"

#include "config.h"

#include "vt-window-private.h"

#include <glib/gi18n.h>

#define ALLOWED_KEY "outside-images-allowed"
#define REFUSED_KEY "outside-images-refused"

static gboolean
settings_list_has (GSettings  *settings,
                   const char *key,
                   const char *uri)
{
  g_auto(GStrv) uris = g_settings_get_strv (settings, key);

  return g_strv_contains ((const char * const *) uris, uri);
}

/* Adds @uri to the list @key, and takes it out of @other_key. */
static void
settings_list_move (GSettings  *settings,
                    const char *key,
                    const char *other_key,
                    const char *uri)
{
  g_auto(GStrv) uris = g_settings_get_strv (settings, key);
  g_auto(GStrv) others = g_settings_get_strv (settings, other_key);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) new_others = NULL;

  if (!g_strv_contains ((const char * const *) uris, uri))
    {
      g_autoptr(GStrvBuilder) added = g_strv_builder_new ();
      g_auto(GStrv) new_uris = NULL;

      g_strv_builder_addv (added, (const char **) uris);
      g_strv_builder_add (added, uri);
      new_uris = g_strv_builder_end (added);
      g_settings_set_strv (settings, key, (const char * const *) new_uris);
    }

  for (guint i = 0; others[i] != NULL; i++)
    if (g_strcmp0 (others[i], uri) != 0)
      g_strv_builder_add (kept, others[i]);
  new_others = g_strv_builder_end (kept);
  if (g_strv_length (new_others) != g_strv_length (others))
    g_settings_set_strv (settings, other_key, (const char * const *) new_others);
}

void
_vt_window_apply_outside_answer (VtWindow *self,
                                 GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  vt_catalog_set_allow_outside (self->catalog,
                                settings_list_has (self->settings, ALLOWED_KEY, uri));
}

typedef struct
{
  VtWindow *self;
  GFile    *file;
} Question;

static void
question_free (gpointer  data,
               GClosure *closure)
{
  Question *question = data;

  g_clear_object (&question->file);
  g_free (question);
}

static void
on_outside_response_cb (GtkDialog *dialog,
                        int        response,
                        gpointer   data)
{
  Question *question = data;
  VtWindow *self = question->self;
  g_autofree char *uri = g_file_get_uri (question->file);
  gboolean allow = response == GTK_RESPONSE_ACCEPT;

  /* Closing the dialog answers as "Keep Hidden" does: nothing is opened
   * that the user did not choose, and the question does not come back. */
  settings_list_move (self->settings, allow ? ALLOWED_KEY : REFUSED_KEY,
                      allow ? REFUSED_KEY : ALLOWED_KEY, uri);

  /* Still the catalog asked about: allowing it reloads the tiles. */
  if (self->file != NULL && g_file_equal (self->file, question->file))
    vt_catalog_set_allow_outside (self->catalog, allow);

  self->outside_dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
_vt_window_ask_outside (VtWindow *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *secondary = NULL;
  const char *name;
  GtkWidget *dialog;
  Question *question;
  guint n_outside;

  if (self->file == NULL || self->outside_dialog != NULL)
    return;
  n_outside = vt_catalog_count_outside_images (self->catalog);
  if (n_outside == 0)
    return;
  uri = g_file_get_uri (self->file);
  if (settings_list_has (self->settings, ALLOWED_KEY, uri)
      || settings_list_has (self->settings, REFUSED_KEY, uri))
    return;

  basename = g_file_get_basename (self->file);
  name = vt_catalog_get_name (self->catalog);
  secondary = g_strdup_printf (ngettext ("The catalog “%s” (%s) names %'u image outside its own "
                                         "folder. A catalog can name any file on this computer: "
                                         "show it only if you trust whoever made the catalog.",
                                         "The catalog “%s” (%s) names %'u images outside its own "
                                         "folder. A catalog can name any file on this computer: "
                                         "show them only if you trust whoever made the catalog.",
                                         n_outside),
                               name != NULL && *name != '\0' ? name : basename, basename, n_outside);

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", _("Show Images From Outside the Catalog’s Folder?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  /* The window's title is its accessible name. */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Images Outside the Catalog’s Folder"));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Keep Hidden"), GTK_RESPONSE_REJECT,
                          _("_Show Images"), GTK_RESPONSE_ACCEPT,
                          NULL);
  /* Enter keeps them hidden: showing is the choice to make on purpose. */
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);

  question = g_new0 (Question, 1);
  question->self = self;
  question->file = g_object_ref (self->file);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_outside_response_cb),
                         question, question_free, 0);

  self->outside_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}
