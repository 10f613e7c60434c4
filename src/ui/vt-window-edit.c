/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's editing: save, save as, undo and redo, new and removed pieces, and never losing an edit. */

#define G_LOG_DOMAIN "vitrine-window"

#include "config.h"

#include "vt-catalog-images.h"
#include "vt-detail-window.h"
#include "vt-edit.h"
#include "vt-page.h"
#include "vt-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * The detail window edits the catalog while curating
 * (vt-detail-window-edit.c); the catalog keeps the edits, their undo and
 * whether they are saved ("modified"). This file is the rest:
 *
 * - the actions win.save, win.save-as, win.undo and win.redo, which the
 *   detail window shares (its "win" group) so their keys work there too,
 *   and win.new-piece, win.add-page and win.remove-piece;
 * - the keys of undo and redo, which text with typing of its own to
 *   undo keeps for it (_vt_window_add_history_keys ());
 * - a question before unsaved edits would be lost: closing the window,
 *   quitting, opening or reloading a catalog;
 * - the file changed on disk while there are unsaved edits: the reload
 *   waits, a bar says so, and saving asks whether to reload, overwrite or
 *   save as. A save never overwrites such a file without asking;
 * - a save runs in a worker thread; the application holds itself until
 *   it is done. A failed save keeps the edits and offers Save As.
 */

typedef struct
{
  VtWindow     *self;
  GFile        *file;
  VtWindowThen  then;
  GFile        *then_file;
  /* The catalog's folder and the grid's place as the save started: a
   * catalog saved into another folder has new pieces (vt-catalog.c),
   * among which the grid finds its place again. */
  GFile        *base_dir;
  VtGalleryPlace place;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_object (&data->base_dir);
  g_clear_object (&data->then_file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static gboolean
has_unsaved_edits (VtWindow *self)
{
  return self->file != NULL && vt_catalog_get_modified (self->catalog);
}

static void
commit_detail_edit (VtWindow *self)
{
  if (self->detail_window != NULL)
    vt_detail_window_commit_edit (VT_DETAIL_WINDOW (self->detail_window));
}

static void
close_question (VtWindow *self)
{
  if (self->edit_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->edit_dialog)));
}

/* What was waiting for the edits to be saved or dropped. */
static void
carry_on (VtWindow     *self,
          VtWindowThen  then,
          GFile        *file)
{
  switch (then)
    {
    case VT_WINDOW_THEN_CLOSE:
      self->discarding = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case VT_WINDOW_THEN_QUIT:
      self->discarding = TRUE;
      if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
        g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (self))),
                                        "quit", NULL);
      else
        gtk_window_close (GTK_WINDOW (self));
      break;
    case VT_WINDOW_THEN_OPEN:
      _vt_window_load (self, file);
      break;
    case VT_WINDOW_THEN_NOTHING:
    default:
      break;
    }
}

static GtkWidget *
question_new (VtWindow   *self,
              const char *title,
              const char *primary,
              const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                              "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  /* The window's title is its accessible name. */
  gtk_window_set_title (GTK_WINDOW (dialog), title);
  close_question (self);
  self->edit_dialog = dialog;
  return dialog;
}

/* Saving */

static void show_save_as (VtWindow     *self,
                          VtWindowThen  then,
                          GFile        *then_file);
static void ask_conflict (VtWindow     *self,
                          VtWindowThen  then,
                          GFile        *then_file);

static void
update_disk_bar (VtWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->disk_bar), self->disk_changed);
  gtk_info_bar_set_revealed (self->disk_bar, self->disk_changed);
  if (!self->disk_changed)
    return;

  name = g_file_get_basename (self->file);
  /* Translators: %s is the catalog's file name */
  title = g_strdup_printf (_("“%s” was changed by another program"), name);
  gtk_label_set_text (self->disk_title, title);
}

static void
on_save_error_response_cb (VtWindow  *self,
                           int        response,
                           GtkDialog *dialog)
{
  close_question (self);
  if (response == GTK_RESPONSE_ACCEPT)
    show_save_as (self, VT_WINDOW_THEN_NOTHING, NULL);
}

static void
show_save_error (VtWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *primary = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the catalog's file name */
  primary = g_strdup_printf (_("Could not save “%s”"), name);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_NONE,
                                   "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s %s", error->message,
                                            _("Your edits are kept: save them in another place."));
  gtk_window_set_title (GTK_WINDOW (dialog), primary);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("Save _As…"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  close_question (self);
  self->edit_dialog = dialog;
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (on_save_error_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;
  VtWindow *self = data->self;
  gboolean saved = vt_catalog_save_finish (VT_CATALOG (source), result, &error);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (app != NULL)
    g_application_release (app);
  self->saving = FALSE;
  /* (A window taken apart meanwhile has nothing to tell.) */
  if (self->catalog == NULL)
    return;

  if (!saved && g_error_matches (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_CHANGED_ON_DISK))
    {
      self->disk_changed = TRUE;
      update_disk_bar (self);
      ask_conflict (self, data->then, data->then_file);
    }
  else if (!saved)
    {
      show_save_error (self, data->file, error);
    }
  else
    {
      /* Saved as another file: the window shows that one now, and the
       * reviews go with it. */
      if (!g_file_equal (data->file, self->file))
        {
          _vt_window_set_file (self, data->file);
          _vt_window_reviews_follow_catalog (self);
        }
      if (data->base_dir != vt_catalog_get_base_dir (self->catalog))
        vt_gallery_view_restore_place (self->gallery, &data->place);
      self->disk_changed = FALSE;
      update_disk_bar (self);
    }
  _vt_window_update_edit (self);
  /* Last: it may close the window. */
  if (saved)
    carry_on (self, data->then, data->then_file);
}

static void
start_save (VtWindow     *self,
            GFile        *file,
            VtSaveFlags   flags,
            VtWindowThen  then,
            GFile        *then_file)
{
  SaveData *data;

  if (self->saving)
    return;

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->then = then;
  data->then_file = then_file != NULL ? g_object_ref (then_file) : NULL;
  g_set_object (&data->base_dir, vt_catalog_get_base_dir (self->catalog));
  vt_gallery_view_get_place (self->gallery, &data->place);

  /* The program does not end with a save half done. */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    g_application_hold (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  self->saving = TRUE;
  _vt_window_update_edit (self);
  vt_catalog_save_async (self->catalog, file, flags, NULL, on_saved_cb, data);
}

static void
save (VtWindow     *self,
      VtWindowThen  then,
      GFile        *then_file)
{
  commit_detail_edit (self);
  if (self->file == NULL)
    return;
  /* Changed on disk: asked before anything is written. */
  if (self->disk_changed || vt_catalog_get_changed_on_disk (self->catalog))
    ask_conflict (self, then, then_file);
  else
    start_save (self, self->file, VT_SAVE_NONE, then, then_file);
}

typedef struct
{
  VtWindow     *self;
  VtWindowThen  then;
  GFile        *then_file;
} Then;

static void
then_free (gpointer  data,
           GClosure *closure)
{
  Then *then = data;

  g_clear_object (&then->then_file);
  g_free (then);
}

static Then *
then_new (VtWindow     *self,
          VtWindowThen  then,
          GFile        *then_file)
{
  Then *data = g_new0 (Then, 1);

  data->self = self;
  data->then = then;
  data->then_file = then_file != NULL ? g_object_ref (then_file) : NULL;
  return data;
}

/* Save As into another folder: the images go too, if the user wants */

enum {
  RESPONSE_WITHOUT_IMAGES = 1,
  RESPONSE_COPY_IMAGES,
};

typedef struct
{
  VtWindow     *self;
  GFile        *file;
  GFile        *from_dir;
  GFile        *to_dir;
  GPtrArray    *images;
  VtWindowThen  then;
  GFile        *then_file;
} CopyImages;

static void
copy_images_free (CopyImages *copy)
{
  g_clear_object (&copy->file);
  g_clear_object (&copy->from_dir);
  g_clear_object (&copy->to_dir);
  g_clear_pointer (&copy->images, g_ptr_array_unref);
  g_clear_object (&copy->then_file);
  g_free (copy);
}

static void
copy_images_closure_free (gpointer  data,
                          GClosure *closure)
{
  copy_images_free (data);
}

static void
copy_images_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  CopyImages *copy = task_data;
  GError *error = NULL;
  guint n_copied, n_kept;

  if (vt_catalog_copy_images (copy->images, copy->from_dir, copy->to_dir,
                              &n_copied, &n_kept, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_images_copied_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  VtWindow *self = VT_WINDOW (source);
  CopyImages *copy = g_task_get_task_data (G_TASK (result));
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    g_application_release (app);
  self->saving = FALSE;
  if (self->catalog == NULL)
    return;

  /* Without its images the copy would not be what the user asked for:
   * nothing is saved, and the message names the image. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_save_error (self, copy->file, error);
      _vt_window_update_edit (self);
      return;
    }
  start_save (self, copy->file, VT_SAVE_NONE, copy->then, copy->then_file);
}

static void
copy_images_then_save (VtWindow   *self,
                       CopyImages *copy)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_images_copied_cb, NULL);

  g_task_set_task_data (task, copy, (GDestroyNotify) copy_images_free);
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    g_application_hold (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  self->saving = TRUE;
  _vt_window_update_edit (self);
  g_task_run_in_thread (task, copy_images_thread);
}

static void
on_copy_images_response_cb (GtkDialog  *dialog,
                            int         response,
                            CopyImages *copy)
{
  VtWindow *self = copy->self;
  CopyImages *taken;

  if (response == RESPONSE_WITHOUT_IMAGES)
    start_save (self, copy->file, VT_SAVE_NONE, copy->then, copy->then_file);
  else if (response == RESPONSE_COPY_IMAGES)
    {
      /* The task takes what the dialog's closure would free with it. */
      taken = g_memdup2 (copy, sizeof *copy);
      memset (copy, 0, sizeof *copy);
      copy_images_then_save (self, taken);
    }
  close_question (self);
}

static void
ask_copy_images (VtWindow   *self,
                 CopyImages *copy,
                 guint64     size)
{
  g_autofree char *from = g_file_get_parse_name (copy->from_dir);
  g_autofree char *to = g_file_get_parse_name (copy->to_dir);
  g_autofree char *bytes = g_format_size (size);
  g_autofree char *secondary = NULL;
  const char *primary = _("Copy the images to the new folder?");
  GtkWidget *dialog;

  /* Translators: %u is a number of images, the first %s their size
   * ("212 MB"), the second the folder they are in, the third the folder
   * the catalog is saved in */
  secondary = g_strdup_printf (ngettext ("The catalog shows %u image (%s) from “%s”. Saved in “%s”, "
                                         "it finds it only if it is copied there too. A file "
                                         "already there is kept.",
                                         "The catalog shows %u images (%s) from “%s”. Saved in “%s”, "
                                         "it finds them only if they are copied there too. Files "
                                         "already there are kept.",
                                         copy->images->len),
                               copy->images->len, bytes, from, to);
  dialog = question_new (self, primary, primary, secondary);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("Save _Without Images"), RESPONSE_WITHOUT_IMAGES,
                          _("_Copy Images"), RESPONSE_COPY_IMAGES,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_COPY_IMAGES);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_copy_images_response_cb),
                         copy, copy_images_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saves as @file; into another folder, asks first whether the images the
 * catalog names relative to its folder go too. */
static void
save_as (VtWindow     *self,
         GFile        *file,
         VtWindowThen  then,
         GFile        *then_file)
{
  GFile *base_dir = vt_catalog_get_base_dir (self->catalog);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GPtrArray) images = NULL;
  CopyImages *copy;
  guint64 size = 0;

  if (base_dir != NULL && folder != NULL && !g_file_equal (base_dir, folder))
    images = vt_catalog_dup_folder_images (self->catalog, &size);
  if (images == NULL || images->len == 0)
    {
      start_save (self, file, VT_SAVE_NONE, then, then_file);
      return;
    }

  copy = g_new0 (CopyImages, 1);
  copy->self = self;
  copy->file = g_object_ref (file);
  copy->from_dir = g_object_ref (base_dir);
  copy->to_dir = g_steal_pointer (&folder);
  copy->images = g_steal_pointer (&images);
  copy->then = then;
  copy->then_file = then_file != NULL ? g_object_ref (then_file) : NULL;
  ask_copy_images (self, copy, size);
}

static void
on_save_as_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        Then            *then)
{
  VtWindow *self = then->self;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    save_as (self, file, then->then, then->then_file);

  gtk_native_dialog_destroy (chooser);
  if (self->save_chooser == chooser)
    g_clear_object (&self->save_chooser);
}

void
_vt_window_save_as (VtWindow *self,
                    GFile    *file)
{
  save_as (self, file, VT_WINDOW_THEN_NOTHING, NULL);
}

static void
show_save_as (VtWindow     *self,
              VtWindowThen  then,
              GFile        *then_file)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;

  commit_detail_edit (self);
  if (self->file == NULL)
    return;
  if (self->save_chooser != NULL)
    {
      gtk_native_dialog_show (self->save_chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save the Catalog As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_file_get_basename (self->file);
  folder = g_file_get_parent (self->file);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  self->save_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_save_as_response_cb),
                         then_new (self, then, then_file), then_free, 0);
  gtk_native_dialog_show (self->save_chooser);
}

/* The conflict: the file changed on disk since it was opened */

enum {
  RESPONSE_RELOAD = 1,
  RESPONSE_OVERWRITE,
  RESPONSE_SAVE_AS,
};

static void
on_conflict_response_cb (GtkDialog *dialog,
                         int        response,
                         Then      *then)
{
  VtWindow *self = then->self;
  VtWindowThen next = then->then;
  g_autoptr(GFile) then_file = then->then_file != NULL ? g_object_ref (then->then_file) : NULL;

  /* (Destroying the dialog frees @then.) */
  close_question (self);
  switch (response)
    {
    case RESPONSE_RELOAD:
      /* The file as it is now; the edits are dropped. */
      _vt_window_load (self, self->file);
      break;
    case RESPONSE_OVERWRITE:
      start_save (self, self->file, VT_SAVE_OVERWRITE, next, then_file);
      break;
    case RESPONSE_SAVE_AS:
      show_save_as (self, next, then_file);
      break;
    default:
      break;
    }
}

static void
ask_conflict (VtWindow     *self,
              VtWindowThen  then,
              GFile        *then_file)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *primary = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the catalog's file name */
  primary = g_strdup_printf (_("“%s” was changed by another program"), name);
  dialog = question_new (self, primary, primary,
                         _("Reload it and lose your edits, overwrite it with your version, "
                           "or save your version as another file."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Reload"), RESPONSE_RELOAD,
                          _("_Overwrite"), RESPONSE_OVERWRITE,
                          _("Save _As…"), RESPONSE_SAVE_AS,
                          NULL);
  /* Enter keeps both versions. */
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE_AS);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_conflict_response_cb),
                         then_new (self, then, then_file), then_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Unsaved edits */

static void
on_unsaved_response_cb (GtkDialog *dialog,
                        int        response,
                        Then      *then)
{
  VtWindow *self = then->self;
  g_autoptr(GFile) then_file = then->then_file != NULL ? g_object_ref (then->then_file) : NULL;
  VtWindowThen next = then->then;

  /* (Destroying the dialog frees @then.) */
  close_question (self);
  if (response == GTK_RESPONSE_ACCEPT)
    save (self, next, then_file);
  else if (response == GTK_RESPONSE_REJECT)
    carry_on (self, next, then_file);
}

gboolean
_vt_window_ask_unsaved (VtWindow     *self,
                        VtWindowThen  then,
                        GFile        *file)
{
  g_autofree char *name = NULL;
  g_autofree char *primary = NULL;
  GtkWidget *dialog;

  commit_detail_edit (self);
  if (!has_unsaved_edits (self) || self->discarding)
    return FALSE;

  name = g_file_get_basename (self->file);
  /* Translators: %s is the catalog's file name */
  primary = g_strdup_printf (_("Save the changes to “%s”?"), name);
  dialog = question_new (self, primary, primary,
                         _("The edits you did not save will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_unsaved_response_cb),
                         then_new (self, then, file), then_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
on_close_request_cb (VtWindow *self)
{
  return _vt_window_ask_unsaved (self, VT_WINDOW_THEN_CLOSE, NULL);
}

gboolean
vt_window_ask_before_quit (VtWindow *self)
{
  g_return_val_if_fail (VT_IS_WINDOW (self), TRUE);

  return !_vt_window_ask_unsaved (self, VT_WINDOW_THEN_QUIT, NULL);
}

gboolean
_vt_window_hold_reload (VtWindow *self)
{
  if (!has_unsaved_edits (self))
    return FALSE;

  self->disk_changed = TRUE;
  update_disk_bar (self);
  return TRUE;
}

void
_vt_window_loaded (VtWindow *self)
{
  self->discarding = FALSE;
  self->disk_changed = FALSE;
  update_disk_bar (self);
  _vt_window_update_edit (self);
}

/* Actions */

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  save (user_data, VT_WINDOW_THEN_NOTHING, NULL);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  show_save_as (user_data, VT_WINDOW_THEN_NOTHING, NULL);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  VtWindow *self = user_data;

  commit_detail_edit (self);
  vt_catalog_undo (self->catalog);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  VtWindow *self = user_data;

  commit_detail_edit (self);
  vt_catalog_redo (self->catalog);
}

/* Shows the piece of @number in the grid and in the detail window, for
 * the curator to fill in. */
static void
show_piece (VtWindow *self,
            guint     number)
{
  guint position = vt_gallery_view_find_number (self->gallery, number);

  /* Hidden by a filter: show every piece, then it. */
  if (position == GTK_INVALID_LIST_POSITION)
    {
      vt_query_clear (self->query);
      position = vt_gallery_view_find_number (self->gallery, number);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (vt_gallery_view_get_selection (self->gallery), position);
  vt_gallery_view_scroll_to (self->gallery, position);
  _vt_window_show_detail (self, position);
}

static void
insert_piece (VtWindow   *self,
              JsonObject *object)
{
  g_autoptr(VtItem) item = vt_item_new_from_json (object, vt_catalog_get_base_dir (self->catalog), NULL);
  g_autoptr(VtEdit) edit = vt_edit_new_insert (item);
  g_autoptr(GError) error = NULL;

  commit_detail_edit (self);
  if (!vt_catalog_apply_edit (self->catalog, edit, &error))
    {
      _vt_window_show_message (self, _("The piece was not added"), error->message);
      return;
    }
  show_piece (self, vt_item_get_number (item));
}

static void
new_piece_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  VtWindow *self = user_data;
  g_autoptr(JsonObject) object = json_object_new ();
  guint number = 1;

  /* The first number no piece has: a gap in the collection, or the next after it. */
  while (vt_catalog_lookup (self->catalog, number) != NULL)
    number++;
  json_object_set_int_member (object, vt_field_get_member (VT_FIELD_NUMBER), number);
  insert_piece (self, object);
}

void
_vt_window_add_page (VtWindow *self,
                     GFile    *page)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;

  object = vt_page_parse_file (page, NULL, NULL, &error);
  if (object == NULL)
    {
      _vt_window_show_message (self, _("The piece was not added"), error->message);
      return;
    }
  insert_piece (self, object);
}

static void
on_page_chosen_cb (VtWindow        *self,
                   int              response,
                   GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->page_chooser);
  if (file != NULL)
    _vt_window_add_page (self, file);
}

static void
add_page_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  VtWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = NULL;

  if (self->page_chooser != NULL)
    {
      gtk_native_dialog_show (self->page_chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Add a Piece From Its Page"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  folder = g_file_get_parent (self->file);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  self->page_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_page_chosen_cb), self);
  gtk_native_dialog_show (self->page_chooser);
}

/* The piece selected in the grid, or NULL. (transfer none) */
static VtItem *
selected_piece (VtWindow *self)
{
  return gtk_single_selection_get_selected_item (vt_gallery_view_get_selection (self->gallery));
}

static void
remove_piece_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  VtWindow *self = user_data;
  g_autoptr(VtEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  VtItem *item;

  commit_detail_edit (self);
  item = selected_piece (self);
  if (item == NULL)
    return;

  edit = vt_edit_new_delete (item);
  if (!vt_catalog_apply_edit (self->catalog, edit, &error))
    _vt_window_show_message (self, _("The piece was not removed"), error->message);
}

/* Shared with the detail window, whose keys reach them as "win.…". */
static const GActionEntry shared_entries[] = {
  { "save", save_action },
  { "save-as", save_as_action },
  { "undo", undo_action },
  { "redo", redo_action },
};

static const GActionEntry edit_entries[] = {
  { "new-piece", new_piece_action },
  { "add-page", add_page_action },
  { "remove-piece", remove_piece_action },
};

/* One menu item, "Undo Title of 56", or the bare verb when nothing is to
 * be undone, showing its key, which is not an accelerator GTK knows of. */
static void
append_history_item (GMenu      *menu,
                     const char *with_label,
                     const char *bare,
                     const char *label,
                     const char *action,
                     const char *accel)
{
  g_autofree char *text = label != NULL ? g_strdup_printf (with_label, label) : g_strdup (bare);
  g_autoptr(GMenuItem) item = g_menu_item_new (text, action);

  g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

void
_vt_window_update_edit (VtWindow *self)
{
  gboolean open = self->file != NULL && !vt_window_get_loading (self);
  gboolean editing = open && self->curating;

  /* Called from init before the actions exist. */
  if (self->edit_actions == NULL)
    return;

  _vt_window_set_action_enabled (self, "save", open && !self->saving);
  _vt_window_set_action_enabled (self, "save-as", open && !self->saving);
  _vt_window_set_action_enabled (self, "undo", editing && vt_catalog_get_can_undo (self->catalog));
  _vt_window_set_action_enabled (self, "redo", editing && vt_catalog_get_can_redo (self->catalog));
  _vt_window_set_action_enabled (self, "new-piece", editing);
  _vt_window_set_action_enabled (self, "add-page", editing);
  _vt_window_set_action_enabled (self, "remove-piece", editing && selected_piece (self) != NULL);

  g_menu_remove_all (self->history_menu);
  /* Translators: a menu item; %s is what it undoes, "Title of 56" */
  append_history_item (self->history_menu, _("_Undo %s"), _("_Undo"),
                       vt_catalog_get_undo_label (self->catalog), "win.undo", "<Control>z");
  /* Translators: a menu item; %s is what it redoes, "Title of 56" */
  append_history_item (self->history_menu, _("_Redo %s"), _("_Redo"),
                       vt_catalog_get_redo_label (self->catalog), "win.redo", "<Control><Shift>z");
}

/* The bar that says the file changed on disk: Reload drops the edits. */
static void
on_disk_bar_response_cb (VtWindow   *self,
                         int         response,
                         GtkInfoBar *bar)
{
  if (response == RESPONSE_RELOAD && self->file != NULL)
    _vt_window_load (self, self->file);
}

static void
add_disk_bar (VtWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_label_new (_("Your edits are not saved, so the catalog was not reloaded. "
                                     "Saving asks what to keep."));

  self->disk_bar = GTK_INFO_BAR (gtk_info_bar_new ());
  gtk_info_bar_set_message_type (self->disk_bar, GTK_MESSAGE_WARNING);
  self->disk_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->disk_title), "heading");
  gtk_label_set_xalign (self->disk_title, 0.0);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->disk_title));
  gtk_box_append (GTK_BOX (box), text);
  gtk_info_bar_add_child (self->disk_bar, box);
  gtk_info_bar_add_button (self->disk_bar, _("_Reload"), RESPONSE_RELOAD);
  g_signal_connect_swapped (self->disk_bar, "response", G_CALLBACK (on_disk_bar_response_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self->disk_bar), FALSE);
  gtk_widget_insert_after (GTK_WIDGET (self->disk_bar),
                           gtk_widget_get_parent (GTK_WIDGET (self->error_bar)),
                           GTK_WIDGET (self->error_bar));
}

/* Whether the focus is in text with typing of its own that Ctrl+Z
 * should undo: any text but a field of the curator's editor, and that
 * one while it holds what is not yet committed. */
static gboolean
focus_has_typing (GtkWidget *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (!GTK_IS_TEXT (focus) && !GTK_IS_TEXT_VIEW (focus))
    return FALSE;
  if (VT_IS_DETAIL_WINDOW (window))
    return vt_detail_window_has_typing (VT_DETAIL_WINDOW (window));
  return TRUE;
}

static gboolean
on_history_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           gpointer               user_data)
{
  GtkWidget *window = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();
  const char *action;

  if (gdk_keyval_to_lower (keyval) != GDK_KEY_z)
    return FALSE;
  if (modifiers == GDK_CONTROL_MASK)
    action = "win.undo";
  else if (modifiers == (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
    action = "win.redo";
  else
    return FALSE;

  if (focus_has_typing (window))
    return FALSE;
  return gtk_widget_activate_action (window, action, NULL);
}

/* Ctrl+Z and Ctrl+Shift+Z undo and redo the catalog's edits, except in
 * text with typing of its own to undo: there the text takes them, as in
 * any text field. So they are not application accelerators, which would
 * take the key from every text field, but a key handler of the window
 * that sees the key first and decides. The menu items say the keys. */
void
_vt_window_add_history_keys (GtkWindow *window)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_name (controller, "vt-history-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_history_key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

void
_vt_window_init_edit (VtWindow *self)
{
  _vt_window_add_history_keys (GTK_WINDOW (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), shared_entries, G_N_ELEMENTS (shared_entries), self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), edit_entries, G_N_ELEMENTS (edit_entries), self);
  self->edit_actions = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (shared_entries); i++)
    g_action_map_add_action (G_ACTION_MAP (self->edit_actions),
                             g_action_map_lookup_action (G_ACTION_MAP (self), shared_entries[i].name));

  add_disk_bar (self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
  g_signal_connect_object (self->catalog, "notify::modified",
                           G_CALLBACK (_vt_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->catalog, "notify::can-undo",
                           G_CALLBACK (_vt_window_update_edit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->catalog, "notify::can-redo",
                           G_CALLBACK (_vt_window_update_edit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->catalog, "items-changed",
                           G_CALLBACK (_vt_window_update_edit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vt_gallery_view_get_selection (self->gallery), "notify::selected",
                           G_CALLBACK (_vt_window_update_edit), self, G_CONNECT_SWAPPED);
  _vt_window_update_edit (self);
}

void
_vt_window_dispose_edit (VtWindow *self)
{
  close_question (self);
  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (self->save_chooser);
  g_clear_object (&self->save_chooser);
  if (self->page_chooser != NULL)
    gtk_native_dialog_destroy (self->page_chooser);
  g_clear_object (&self->page_chooser);
  g_clear_object (&self->edit_actions);
}
