/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Curators' reviews of a catalog's pieces, kept in a sidecar file beside the catalog. */

#define G_LOG_DOMAIN "vitrine-review"

#include "config.h"

#include "vt-review-store.h"
#include "vt-review-store-private.h"

#include "vt-file.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/*
 * The store is used from the thread that made it; loading reads and
 * parses in a worker thread, saving writes in one. The file's text is
 * vt-review-format.c's.
 */

/* A review file is small; one this big is not one. */
#define MAX_SIZE ((gsize) 256 << 20)

struct _VtReviewStore
{
  GObject      parent_instance;

  VtCatalog   *catalog;
  GHashTable  *entries;       /* number → VtReviewEntry */
  GFile       *file;
  GFile       *loaded_for;    /* the catalog file the entries belong to */
  gboolean     in_data_dir;
  GError      *broken;

  /* Saves may finish out of order: only the newest is written. */
  GMutex       write_lock;
  guint64      save_serial;
  guint64      written_serial;
};

G_DEFINE_FINAL_TYPE (VtReviewStore, vt_review_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (vt-review-store-error-quark, vt_review_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where the sidecar of @catalog_file lives. */
typedef struct
{
  GFile    *file;          /* read and written */
  GFile    *seed;          /* read when @file does not exist yet, or NULL */
  gboolean  in_data_dir;
} Location;

static void
location_clear (Location *location)
{
  g_clear_object (&location->file);
  g_clear_object (&location->seed);
}

static void
locate (GFile    *catalog_file,
        Location *location)
{
  g_autoptr(GFile) folder = g_file_get_parent (catalog_file);
  g_autofree char *basename = g_file_get_basename (catalog_file);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder_path = folder != NULL ? g_file_get_path (folder) : NULL;

  stem = g_str_has_suffix (basename, ".json")
         ? g_strndup (basename, strlen (basename) - strlen (".json"))
         : g_strdup (basename);
  name = g_strconcat (stem, ".review.json", NULL);

  location->seed = NULL;
  if (folder_path != NULL && g_access (folder_path, W_OK) == 0)
    {
      location->file = g_file_get_child (folder, name);
      location->in_data_dir = FALSE;
    }
  else
    {
      g_autofree char *uri = g_file_get_uri (catalog_file);
      g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
      g_autofree char *private_name = NULL;
      g_autofree char *path = NULL;

      /* One file per catalog, named by its location, readable by people. */
      digest[16] = '\0';
      private_name = g_strdup_printf ("%s-%s.review.json", stem, digest);
      path = g_build_filename (g_get_user_data_dir (), "vitrine", "reviews", private_name, NULL);
      location->file = g_file_new_for_path (path);
      location->in_data_dir = TRUE;
      /* The reviews a colleague committed beside a read-only catalog. */
      if (folder != NULL)
        location->seed = g_file_get_child (folder, name);
    }
}

typedef struct
{
  GFile      *catalog_file;
  Location    location;
  GHashTable *entries;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->catalog_file);
  location_clear (&data->location);
  g_clear_pointer (&data->entries, g_hash_table_unref);
  g_free (data);
}

static gboolean
load_run (LoadData      *data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  GFile *from;
  gsize length;

  locate (data->catalog_file, &data->location);
  from = data->location.file;
  if (!g_file_query_exists (from, cancellable) && data->location.seed != NULL)
    from = data->location.seed;

  path = g_file_get_path (from);
  if (!g_file_get_contents (path, &contents, &length, &read_error))
    {
      if (g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          data->entries = vt_review_entries_new ();
          return TRUE;
        }
      g_set_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_BROKEN,
                   "%s: %s", path, read_error->message);
      return FALSE;
    }
  if (length > MAX_SIZE)
    {
      g_set_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_BROKEN,
                   "%s:1: %s", path, _("too big for a review file"));
      return FALSE;
    }

  data->entries = vt_review_format_parse (contents, length, path, error);
  if (data->entries == NULL)
    return FALSE;
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (!load_run (task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Each item's state, from the reviews when they are the catalog's. */
static void
apply (VtReviewStore *self)
{
  GFile *catalog_file = vt_catalog_get_file (self->catalog);
  gboolean ours = catalog_file != NULL && self->loaded_for != NULL
                  && g_file_equal (catalog_file, self->loaded_for);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (self->catalog), i);
      const VtReviewEntry *entry = NULL;
      gboolean changed = FALSE;

      if (ours)
        entry = g_hash_table_lookup (self->entries, GUINT_TO_POINTER (vt_item_get_number (item)));

      if (entry != NULL && entry->state == VT_REVIEW_STATE_APPROVED && entry->hash != NULL)
        {
          g_autofree char *hash = vt_item_compute_hash (item);

          changed = g_strcmp0 (hash, entry->hash) != 0;
        }

      vt_item_set_review (item, entry != NULL ? entry->state : VT_REVIEW_STATE_NOT_REVIEWED, changed);
    }
}

static void
finish_load (VtReviewStore *self,
             LoadData      *data,
             const GError  *error)
{
  g_clear_pointer (&self->entries, g_hash_table_unref);
  self->entries = data->entries != NULL ? g_steal_pointer (&data->entries) : vt_review_entries_new ();
  g_set_object (&self->file, data->location.file);
  g_set_object (&self->loaded_for, data->catalog_file);
  self->in_data_dir = data->location.in_data_dir;
  g_clear_error (&self->broken);
  if (error != NULL)
    self->broken = g_error_copy (error);

  apply (self);
  g_signal_emit (self, signals[CHANGED], 0, 0);
}

static LoadData *
load_data_new (VtReviewStore  *self,
               GError        **error)
{
  GFile *catalog_file = vt_catalog_get_file (self->catalog);
  LoadData *data;

  if (catalog_file == NULL || !g_file_is_native (catalog_file))
    {
      g_set_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_NO_FILE,
                   _("The catalog is not a file on this computer: reviews cannot be kept beside it."));
      return NULL;
    }

  data = g_new0 (LoadData, 1);
  data->catalog_file = g_object_ref (catalog_file);
  return data;
}

gboolean
vt_review_store_load (VtReviewStore  *self,
                      GCancellable   *cancellable,
                      GError        **error)
{
  LoadData *data;
  GError *local_error = NULL;
  gboolean loaded;

  g_return_val_if_fail (VT_IS_REVIEW_STORE (self), FALSE);

  data = load_data_new (self, error);
  if (data == NULL)
    return FALSE;

  loaded = load_run (data, cancellable, &local_error);
  finish_load (self, data, local_error);
  load_data_free (data);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return loaded;
}

void
vt_review_store_load_async (VtReviewStore       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  LoadData *data;

  g_return_if_fail (VT_IS_REVIEW_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_review_store_load_async);

  data = load_data_new (self, &error);
  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
vt_review_store_load_finish (VtReviewStore  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  GError *local_error = NULL;
  LoadData *data;

  g_return_val_if_fail (VT_IS_REVIEW_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      finish_load (self, data, NULL);
      return TRUE;
    }

  /* A cancelled load changes nothing; a broken file leaves no reviews. */
  if (data != NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && local_error->domain == VT_REVIEW_STORE_ERROR)
    finish_load (self, data, local_error);
  g_propagate_error (error, local_error);
  return FALSE;
}

gboolean
vt_review_store_follow_catalog (VtReviewStore *self)
{
  GFile *catalog_file;
  Location location = { NULL, };

  g_return_val_if_fail (VT_IS_REVIEW_STORE (self), FALSE);

  catalog_file = vt_catalog_get_file (self->catalog);
  if (catalog_file == NULL || !g_file_is_native (catalog_file) || self->loaded_for == NULL
      || g_file_equal (catalog_file, self->loaded_for))
    return FALSE;

  locate (catalog_file, &location);
  g_set_object (&self->file, location.file);
  g_set_object (&self->loaded_for, catalog_file);
  self->in_data_dir = location.in_data_dir;
  location_clear (&location);
  /* A sidecar that could not be read stays as it was, beside the old
   * file; the new one starts without reviews. */
  if (self->broken != NULL)
    {
      g_clear_error (&self->broken);
      g_hash_table_remove_all (self->entries);
    }

  apply (self);
  g_signal_emit (self, signals[CHANGED], 0, 0);
  return g_hash_table_size (self->entries) > 0;
}

GFile *
vt_review_store_get_file (VtReviewStore *self)
{
  g_return_val_if_fail (VT_IS_REVIEW_STORE (self), NULL);

  return self->file;
}

gboolean
vt_review_store_get_in_data_dir (VtReviewStore *self)
{
  g_return_val_if_fail (VT_IS_REVIEW_STORE (self), FALSE);

  return self->in_data_dir;
}

const GError *
vt_review_store_get_broken (VtReviewStore *self)
{
  g_return_val_if_fail (VT_IS_REVIEW_STORE (self), NULL);

  return self->broken;
}

const VtReviewEntry *
vt_review_store_lookup (VtReviewStore *self,
                        guint          number)
{
  g_return_val_if_fail (VT_IS_REVIEW_STORE (self), NULL);

  return g_hash_table_lookup (self->entries, GUINT_TO_POINTER (number));
}

static char *
dup_user (void)
{
  const char *name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no real name. */
  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return g_strdup (name);
}

static char *
dup_now (void)
{
  /* To the second: nobody needs the microseconds, and they make noise
   * in version control. */
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (g_get_real_time () / G_USEC_PER_SEC);

  return g_date_time_format_iso8601 (now);
}

/* The entry of @number, made if need be; NULL when the store cannot
 * record (a broken sidecar) or no piece has the number. */
static VtReviewEntry *
ensure_entry (VtReviewStore  *self,
              guint           number,
              VtItem        **item,
              GError        **error)
{
  VtReviewEntry *entry;

  if (self->broken != NULL)
    {
      g_autofree char *path = self->file != NULL ? g_file_get_path (self->file) : NULL;

      g_set_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_BROKEN,
                   _("Reviews cannot be recorded while “%s” is broken: fix the file or move it away, then reload."),
                   path != NULL ? path : "");
      return NULL;
    }
  if (self->loaded_for == NULL)
    {
      g_set_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_NO_FILE,
                   _("The reviews of this catalog are not loaded."));
      return NULL;
    }

  *item = vt_catalog_lookup (self->catalog, number);
  if (*item == NULL)
    {
      g_set_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_NO_PIECE,
                   _("No piece of the catalog has the number %u."), number);
      return NULL;
    }

  entry = g_hash_table_lookup (self->entries, GUINT_TO_POINTER (number));
  if (entry == NULL)
    {
      entry = g_new0 (VtReviewEntry, 1);
      entry->number = number;
      g_hash_table_insert (self->entries, GUINT_TO_POINTER (number), entry);
    }

  g_free (entry->who);
  entry->who = dup_user ();
  g_free (entry->when);
  entry->when = dup_now ();
  return entry;
}

static void
entry_changed (VtReviewStore *self,
               VtReviewEntry *entry,
               VtItem        *item)
{
  gboolean changed = FALSE;

  if (entry->state == VT_REVIEW_STATE_APPROVED && entry->hash != NULL)
    {
      g_autofree char *hash = vt_item_compute_hash (item);

      changed = g_strcmp0 (hash, entry->hash) != 0;
    }
  vt_item_set_review (item, entry->state, changed);
  g_signal_emit (self, signals[CHANGED], 0, entry->number);
}

gboolean
vt_review_store_set_state (VtReviewStore  *self,
                           guint           number,
                           VtReviewState   state,
                           GError        **error)
{
  VtReviewEntry *entry;
  VtItem *item = NULL;

  g_return_val_if_fail (VT_IS_REVIEW_STORE (self), FALSE);
  g_return_val_if_fail ((guint) state < VT_N_REVIEW_STATES, FALSE);

  entry = ensure_entry (self, number, &item, error);
  if (entry == NULL)
    return FALSE;

  entry->state = state;
  g_free (entry->hash);
  entry->hash = vt_item_compute_hash (item);
  entry_changed (self, entry, item);
  return TRUE;
}

gboolean
vt_review_store_set_note (VtReviewStore  *self,
                          guint           number,
                          const char     *note,
                          GError        **error)
{
  VtReviewEntry *entry;
  VtItem *item = NULL;

  g_return_val_if_fail (VT_IS_REVIEW_STORE (self), FALSE);

  entry = ensure_entry (self, number, &item, error);
  if (entry == NULL)
    return FALSE;

  g_free (entry->note);
  entry->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  if (entry->hash == NULL)
    entry->hash = vt_item_compute_hash (item);
  entry_changed (self, entry, item);
  return TRUE;
}

void
vt_review_store_count (VtReviewStore *self,
                       guint          counts[VT_N_REVIEW_STATES])
{
  guint n_items;

  g_return_if_fail (VT_IS_REVIEW_STORE (self));

  memset (counts, 0, sizeof (guint) * VT_N_REVIEW_STATES);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (self->catalog), i);

      counts[vt_item_get_review_state (item)]++;
    }
}

char *
vt_review_store_to_data (VtReviewStore *self,
                         gsize         *length)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint n_items;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (VT_IS_REVIEW_STORE (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (self->catalog), i);
      guint number = vt_item_get_number (item);

      if (number != 0 && g_hash_table_add (seen, GUINT_TO_POINTER (number)))
        g_array_append_val (numbers, number);
    }
  /* A review outlives its piece: it may come back. */
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint number = GPOINTER_TO_UINT (key);

      if (g_hash_table_add (seen, key))
        g_array_append_val (numbers, number);
    }

  return vt_review_format_write (self->entries, numbers, length);
}

typedef struct
{
  char    *path;
  char    *data;
  gsize    length;
  gboolean make_folder;
  guint64  serial;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->path);
  g_free (data->data);
  g_free (data);
}

static SaveData *
save_data_new (VtReviewStore  *self,
               GError        **error)
{
  SaveData *data;

  if (self->broken != NULL || self->file == NULL)
    {
      g_autofree char *path = self->file != NULL ? g_file_get_path (self->file) : NULL;

      if (self->broken != NULL)
        g_set_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_BROKEN,
                     _("“%s” is broken and is left as it is: fix it or move it away, then reload."),
                     path);
      else
        g_set_error (error, VT_REVIEW_STORE_ERROR, VT_REVIEW_STORE_ERROR_NO_FILE,
                     _("The reviews of this catalog are not loaded."));
      return NULL;
    }

  data = g_new0 (SaveData, 1);
  data->path = g_file_get_path (self->file);
  data->data = vt_review_store_to_data (self, &data->length);
  data->make_folder = self->in_data_dir;
  data->serial = ++self->save_serial;
  return data;
}

static gboolean
save_run (VtReviewStore  *self,
          SaveData       *data,
          GError        **error)
{
  gboolean saved = TRUE;

  if (data->make_folder)
    {
      g_autofree char *folder = g_path_get_dirname (data->path);

      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not make the folder “%s” for the reviews: %s"),
                       folder, g_strerror (saved_errno));
          return FALSE;
        }
    }

  g_mutex_lock (&self->write_lock);
  if (data->serial > self->written_serial)
    {
      saved = vt_file_write_atomic (data->path, data->data, data->length, 0644,
                                    VT_FILE_WRITE_NONE, error);
      if (saved)
        self->written_serial = data->serial;
    }
  g_mutex_unlock (&self->write_lock);

  return saved;
}

gboolean
vt_review_store_save (VtReviewStore  *self,
                      GError        **error)
{
  SaveData *data;
  gboolean saved;

  g_return_val_if_fail (VT_IS_REVIEW_STORE (self), FALSE);

  data = save_data_new (self, error);
  if (data == NULL)
    return FALSE;
  saved = save_run (self, data, error);
  save_data_free (data);
  return saved;
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (!save_run (source, task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
vt_review_store_save_async (VtReviewStore       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (VT_IS_REVIEW_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_review_store_save_async);

  data = save_data_new (self, &error);
  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
vt_review_store_save_finish (VtReviewStore  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (VT_IS_REVIEW_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
vt_review_store_dispose (GObject *object)
{
  VtReviewStore *self = VT_REVIEW_STORE (object);

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_func (self->catalog, apply, self);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (vt_review_store_parent_class)->dispose (object);
}

static void
vt_review_store_finalize (GObject *object)
{
  VtReviewStore *self = VT_REVIEW_STORE (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->loaded_for);
  g_clear_error (&self->broken);
  g_mutex_clear (&self->write_lock);

  G_OBJECT_CLASS (vt_review_store_parent_class)->finalize (object);
}

static void
vt_review_store_class_init (VtReviewStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_review_store_dispose;
  object_class->finalize = vt_review_store_finalize;

  /**
   * VtReviewStore::changed:
   * @self: the store
   * @number: the piece whose review changed, or 0 when all may have
   *   (a load)
   *
   * Emitted after the items' review states are set.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_UINT);
}

static void
vt_review_store_init (VtReviewStore *self)
{
  self->entries = vt_review_entries_new ();
  g_mutex_init (&self->write_lock);
}

VtReviewStore *
vt_review_store_new (VtCatalog *catalog)
{
  VtReviewStore *self;

  g_return_val_if_fail (VT_IS_CATALOG (catalog), NULL);

  self = g_object_new (VT_TYPE_REVIEW_STORE, NULL);
  self->catalog = g_object_ref (catalog);
  g_signal_connect_swapped (catalog, "items-changed", G_CALLBACK (apply), self);
  return self;
}
